import { DEMO_TOKENS } from './accessTokens.ts';
import { startDemoUpstream } from './demoUpstream.ts';

/*
 * Runs the demo upstream on its own: `node src/demo/main.ts`.
 * Env: DEMO_HOST (default 127.0.0.1), DEMO_PORT (default 4010), DEMO_LATENCY_MS (default 0).
 */

function integerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  }
  return value;
}

const upstream = await startDemoUpstream({
  host: process.env['DEMO_HOST'] || '127.0.0.1',
  port: integerFromEnv('DEMO_PORT', 4010),
  latencyMs: integerFromEnv('DEMO_LATENCY_MS', 0),
});

const tokens = Object.entries(DEMO_TOKENS)
  .map(([user, token]) => `${token} (${user})`)
  .join(', ');
console.log(`bk-repo demo upstream listening at ${upstream.url}; tokens: ${tokens}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void upstream.close();
  });
}
