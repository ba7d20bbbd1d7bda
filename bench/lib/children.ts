import { fork, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DemoMessage, DemoRequest } from '../demoUpstreamProcess.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** A server the benchmark started as a child process. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  /** Where it serves: the GraphQL endpoint, or the demo upstream's base URL. */
  readonly url: string;
  /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running (by its own pid); for an interrupted benchmark. */
export function killAllChildren(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
}

/** An environment with nothing from the caller's shell but PATH and HOME, plus `vars`. */
export function cleanEnv(vars: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', ...vars };
  if (process.env['PATH'] !== undefined) env['PATH'] = process.env['PATH'];
  if (process.env['HOME'] !== undefined) env['HOME'] = process.env['HOME'];
  return env;
}

export interface SpawnServerOptions {
  readonly name: string;
  /** Node arguments, the script included. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Reads one stdout line; answers the server URL once the line says it is ready. */
  readonly readyUrl: (line: string) => string | undefined;
}

/**
 * Starts `node <args>` with stdout piped until the ready line, then drained and discarded (the
 * `>/dev/null` of a shell): the server still formats and writes every log line, the benchmark
 * just does not keep them. stderr is passed through.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: REPO_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track(child);
  const stdout = child.stdout;
  if (!stdout || child.pid === undefined) throw new Error(`${options.name}: failed to start`);
  const pid = child.pid;
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      fail(new Error(`${options.name}: no ready line within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null): void => {
      fail(
        new Error(`${options.name} exited before it was ready (code ${code}, signal ${signal})`),
      );
    };
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const ready = options.readyUrl(line);
        if (ready !== undefined) {
          finish();
          resolve(ready);
          return;
        }
        newline = buffered.indexOf('\n');
      }
    };
    function finish(): void {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.off('exit', onExit);
      // From here on the log is read and dropped, so the pipe never fills up.
      stdout.resume();
    }
    function fail(error: Error): void {
      finish();
      child.kill('SIGKILL');
      reject(error);
    }
    stdout.on('data', onData);
    child.once('exit', onExit);
  });
  return { name: options.name, pid, url, stop: stopper(child) };
}

/** The gateway's pino line `GraphQL gateway ready` carries its URL. */
export function gatewayReadyUrl(line: string): string | undefined {
  if (!line.includes('GraphQL gateway ready')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return parsed.msg === 'GraphQL gateway ready' && typeof parsed.url === 'string'
      ? parsed.url
      : undefined;
  } catch {
    return undefined;
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The demo upstream in its own process (bench/demoUpstreamProcess.ts), driven over IPC. */
export interface DemoUpstreamProcess extends ServerProcess {
  callCount(): Promise<number>;
  setLatency(ms: number): Promise<void>;
}

export async function startDemoUpstreamProcess(latencyMs: number): Promise<DemoUpstreamProcess> {
  const child = fork(fileURLToPath(new URL('../demoUpstreamProcess.ts', import.meta.url)), [], {
    cwd: REPO_ROOT,
    env: cleanEnv({ DEMO_LATENCY_MS: String(latencyMs) }),
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child);
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: number) => void; reject: (e: Error) => void }
  >();
  const ready = new Promise<{ url: string; pid: number }>((resolve, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`demo upstream exited (code ${code})`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    child.on('message', (message: DemoMessage) => {
      if (message.type === 'ready') {
        resolve({ url: message.url, pid: message.pid });
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if ('error' in message) waiter.reject(new Error(message.error));
      else waiter.resolve(message.value);
    });
  });
  const { url, pid } = await ready;
  const call = (request: WithoutId<DemoRequest>): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  const stopChild = stopper(child);
  return {
    name: 'demo upstream',
    pid,
    url,
    callCount: () => call({ op: 'callCount' }),
    setLatency: async (ms) => {
      await call({ op: 'setLatency', ms });
    },
    async stop() {
      // Closing the channel is the polite stop; SIGTERM follows if it lingers.
      if (child.connected) child.disconnect();
      await stopChild();
    },
  };
}
