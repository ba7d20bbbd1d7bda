import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { request } from 'undici';
import { deployedGateway } from '../../bench/lib/deployment.ts';
import { startDemoUpstream } from '../../src/demo/demoUpstream.ts';
import { startTestGateway } from '../helpers/startGateway.ts';

const ALPINE = `{ imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { basic { size } } }`;

describe('operations endpoints', () => {
  test('healthz and readyz answer 200 while serving', async () => {
    await using gw = await startTestGateway();
    const base = new URL(gw.url).origin;
    assert.equal((await request(`${base}/healthz`)).statusCode, 200);
    assert.equal((await request(`${base}/readyz`)).statusCode, 200);
  });

  test('during the shutdown delay readyz answers 503 while queries are still served', async () => {
    await using gw = await startTestGateway({ shutdownDelayMs: 400 });
    const base = new URL(gw.url).origin;
    const closed = gw.gateway.close();
    assert.equal((await request(`${base}/readyz`)).statusCode, 503);
    assert.equal((await request(`${base}/healthz`)).statusCode, 200);
    const { body } = await gw.query(ALPINE);
    assert.equal(body.errors, undefined);
    await closed;
    await assert.rejects(request(`${base}/healthz`), 'the listener is closed');
  });

  test('metrics count upstream calls by endpoint and outcome, and never show the token', async () => {
    await using gw = await startTestGateway();
    await gw.query(ALPINE, { token: 'admin-token' });
    const response = await request(`${new URL(gw.url).origin}/metrics`);
    const text = await response.body.text();
    assert.equal(response.statusCode, 200);
    assert.match(
      text,
      /bkrepo_gateway_upstream_requests_total\{endpoint="versionDetail",outcome="ok"\} 1/,
    );
    assert.ok(!text.includes('admin-token'));
  });

  test('echoes a safe x-request-id and forwards it upstream', async () => {
    await using gw = await startTestGateway();
    const { headers } = await gw.query(ALPINE, { headers: { 'x-request-id': 'dash-42' } });
    assert.equal(headers['x-request-id'], 'dash-42');
    assert.equal(gw.upstream.requests()[0]?.headers['x-request-id'], 'dash-42');
  });

  test('rejects a body over the limit with 413 before any upstream call', async () => {
    await using gw = await startTestGateway({ maxBodyBytes: 2048 });
    const response = await request(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(4096) }),
    });
    assert.equal(response.statusCode, 413);
    await response.body.dump();
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('rejects queries deeper or more aliased than the limits, before any upstream call', async () => {
    await using gw = await startTestGateway({ maxQueryAliases: 2 });
    const field = `imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { version }`;
    const aliased = await gw.query(`{ a: ${field} b: ${field} c: ${field} }`);
    assert.equal(aliased.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    let deep = 'version';
    for (let level = 0; level < 20; level += 1)
      deep = `_entities(representations: []) { ... on ImageVersion { ${deep} } }`;
    const tooDeep = await gw.query(`{ ${deep} }`);
    assert.equal(tooDeep.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(gw.upstream.callCount(), 0);
  });
});

describe('process lifecycle', () => {
  test('reports every bad setting at once and exits non-zero', async () => {
    const child = spawn(process.execPath, ['src/main.ts'], {
      env: { ...process.env, PORT: 'x', UPSTREAM_TIMEOUT_MS: '1', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 1);
    for (const name of ['PORT', 'UPSTREAM_TIMEOUT_MS', 'LOG_LEVEL'])
      assert.match(stderr, new RegExp(name));
    assert.ok(!stderr.includes('    at '), 'no stack trace');
  });

  test('on SIGTERM finishes the request in flight, then exits 0', async (t) => {
    await using upstream = await startDemoUpstream({ latencyMs: 400 });
    const child = spawn(process.execPath, ['src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        UPSTREAM_URL: upstream.url,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(() => child.kill('SIGKILL'));
    const url = await readyUrl(child.stdout);
    const inFlight = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-devops-access-token': 'demo-token' },
      body: JSON.stringify({ query: ALPINE }),
    });
    // Let the request reach the upstream before the signal.
    while (upstream.callCount() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');
    const response = await inFlight;
    const body = (await response.body.json()) as {
      data?: { imageVersion?: { basic?: { size?: number } } };
    };
    assert.equal(response.statusCode, 200);
    assert.equal(typeof body.data?.imageVersion?.basic?.size, 'number');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
  });
});

describe('production build', () => {
  test('npm run build, then the serve command with its heap flags, answers queries', async (t) => {
    await promisify(execFile)('npm', ['run', '--silent', 'build']);
    const { nodeArgs, entry } = deployedGateway();
    await using upstream = await startDemoUpstream();
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', UPSTREAM_URL: upstream.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    t.after(() => child.kill('SIGKILL'));
    const url = await readyUrl(child.stdout);
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-devops-access-token': 'demo-token' },
      body: JSON.stringify({ query: ALPINE }),
    });
    const body = (await response.body.json()) as {
      data?: { imageVersion?: { basic?: { size?: number } } };
    };
    assert.equal(typeof body.data?.imageVersion?.basic?.size, 'number');
    assert.equal(upstream.callCount(), 1);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
  });
});

// Every log line is JSON: the process is ready when it logs its URL.
async function readyUrl(stdout: NodeJS.ReadableStream): Promise<string> {
  for await (const line of createInterface({ input: stdout })) {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'GraphQL gateway ready' && entry.url) {
      stdout.resume();
      return entry.url;
    }
  }
  throw new Error('the gateway exited before it was ready');
}
