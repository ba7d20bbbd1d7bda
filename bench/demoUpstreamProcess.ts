import { startDemoUpstream } from '../src/demo/demoUpstream.ts';

/*
 * The demo upstream in a process of its own, for the benchmark: its CPU is then neither the load
 * generator's nor the gateway's. Started with `fork` by bench/lib/demoUpstreamClient.ts; speaks
 * over the IPC channel:
 *   → { type: 'ready', url, pid }                                  once listening
 *   ← { id, op: 'callCount' | 'setLatency' (ms) | 'clear' }          requests
 *   → { id, value } or { id, error }                                 answers
 * It exits when the channel closes, so it never outlives the benchmark.
 * Env: DEMO_PORT (default 0: any free port), DEMO_LATENCY_MS (default 0).
 */

export type DemoRequest =
  | { readonly id: number; readonly op: 'callCount' }
  | { readonly id: number; readonly op: 'setLatency'; readonly ms: number }
  | { readonly id: number; readonly op: 'clear' };

export type DemoMessage =
  | { readonly type: 'ready'; readonly url: string; readonly pid: number }
  | { readonly type: 'answer'; readonly id: number; readonly value: number }
  | { readonly type: 'answer'; readonly id: number; readonly error: string };

function send(message: DemoMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('start this module with child_process.fork (it needs IPC)');
  const upstream = await startDemoUpstream({
    port: Number(process.env['DEMO_PORT'] ?? 0),
    latencyMs: Number(process.env['DEMO_LATENCY_MS'] ?? 0),
    // The benchmark reads only counts: keep the request log (and its memory) small.
    requestLogLimit: 100,
  });

  process.on('message', (raw: DemoRequest) => {
    try {
      switch (raw.op) {
        case 'callCount':
          send({ type: 'answer', id: raw.id, value: upstream.callCount() });
          break;
        case 'setLatency':
          upstream.setLatency(raw.ms);
          send({ type: 'answer', id: raw.id, value: raw.ms });
          break;
        case 'clear':
          upstream.clearRequests();
          send({ type: 'answer', id: raw.id, value: 0 });
          break;
      }
    } catch (error) {
      send({ type: 'answer', id: raw.id, error: String(error) });
    }
  });
  process.once('disconnect', () => {
    void upstream.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: upstream.url, pid: process.pid });
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo upstream failed: ${String(error)}\n`);
    process.exit(1);
  });
}
