import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Agent, request } from 'undici';
import { DEMO_TOKENS } from '../../src/demo/accessTokens.ts';
import { startDemoUpstream } from '../../src/demo/demoUpstream.ts';
import { detailPath, get, json, type Envelope } from './helpers.ts';

const ALPINE_LATEST = detailPath('docker-local', 'docker://alpine', 'latest');
const ALPINE_3_20 = detailPath('docker-local', 'docker://alpine', '3.20');

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await action();
  return { result, ms: performance.now() - started };
}

describe('startDemoUpstream', () => {
  test('listens on 127.0.0.1 and a free port below the default prefix', async () => {
    await using upstream = await startDemoUpstream();
    assert.match(upstream.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/open\/CPack\/repo-oci$/);
  });

  test('serves below a custom prefix only', async () => {
    await using upstream = await startDemoUpstream({ prefix: '/bkrepo/oci/' });
    assert.ok(upstream.url.endsWith('/bkrepo/oci'));
    assert.equal((await get(upstream.url, '/ext/addr')).status, 200);
    const origin = new URL(upstream.url).origin;
    const elsewhere = await get(origin, '/api/open/CPack/repo-oci/ext/addr');
    assert.equal(json<Envelope>(elsewhere).code, 250130);
  });

  test('rejects a negative latency', async () => {
    await assert.rejects(startDemoUpstream({ latencyMs: -1 }), RangeError);
  });
});

describe('latency', () => {
  test('delays every answer by latencyMs, adjustable with setLatency', async () => {
    await using upstream = await startDemoUpstream({ latencyMs: 300 });
    const slow = await timed(() => get(upstream.url, ALPINE_LATEST));
    assert.equal(slow.result.status, 200);
    assert.ok(slow.ms >= 290, `took ${slow.ms} ms`);

    upstream.setLatency(0);
    const fast = await timed(() => get(upstream.url, ALPINE_LATEST));
    assert.ok(fast.ms < 250, `took ${fast.ms} ms`);
    assert.throws(() => upstream.setLatency(Number.NaN), RangeError);
  });
});

describe('faults', () => {
  test('status 500 is the system-error envelope; 502-504 are a proxy HTML page', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'status', status: 500 });
    const error = await get(upstream.url, ALPINE_LATEST);
    assert.equal(error.status, 500);
    assert.equal(json<Envelope>(error).code, 250102);

    for (const status of [502, 503, 504] as const) {
      upstream.clearFaults();
      upstream.setFault({ kind: 'status', status });
      const page = await get(upstream.url, ALPINE_LATEST);
      assert.equal(page.status, status);
      assert.equal(page.headers['content-type'], 'text/html');
      assert.match(page.text, new RegExp(`<title>${status} `));
    }
  });

  test('a match selects one version among many; the first matching fault wins', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'rateLimited' }, { endpoint: 'versionDetail', version: '3.20' });
    upstream.setFault({ kind: 'status', status: 503 }, { packageKey: 'docker://alpine' });

    const limited = await get(upstream.url, ALPINE_3_20);
    assert.equal(limited.status, 429);
    assert.equal(json<Envelope>(limited).code, 250124);
    assert.equal((await get(upstream.url, ALPINE_LATEST)).status, 503);
    const nginx = detailPath('docker-local', 'docker://library/nginx', '1.27');
    assert.equal((await get(upstream.url, nginx)).status, 200);
    assert.equal(
      (await get(upstream.url, '/ext/manifest/demo/docker-local/alpine/3.20')).status,
      503,
    );
    assert.equal((await get(upstream.url, '/ext/addr')).status, 200);

    upstream.clearFaults();
    assert.equal((await get(upstream.url, ALPINE_3_20)).status, 200);
  });

  test('a match by repository name', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'status', status: 502 }, { repoName: 'legacy' });
    const legacy = detailPath('legacy', 'docker://hello-world', 'v1');
    assert.equal((await get(upstream.url, legacy)).status, 502);
    assert.equal((await get(upstream.url, ALPINE_LATEST)).status, 200);
  });

  test('reset destroys the connection without an answer', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'reset' });
    await assert.rejects(get(upstream.url, ALPINE_LATEST), { code: 'UND_ERR_SOCKET' });
  });

  test('hang never answers; close() ends the request', async () => {
    const upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'hang' });
    const pending = get(upstream.url, ALPINE_LATEST);
    while (upstream.callCount() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(upstream.maxInFlight(), 1);
    await upstream.close();
    await assert.rejects(pending);
  });

  test('delay adds to the latency, then answers normally', async () => {
    await using upstream = await startDemoUpstream({ latencyMs: 50 });
    upstream.setFault({ kind: 'delay', ms: 100 }, { version: 'latest' });
    const delayed = await timed(() => get(upstream.url, ALPINE_LATEST));
    assert.equal(delayed.result.status, 200);
    assert.ok(delayed.ms >= 140, `took ${delayed.ms} ms`);
  });

  test('invalidJson is a truncated body with status 200', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'invalidJson' });
    const answer = await get(upstream.url, ALPINE_LATEST);
    assert.equal(answer.status, 200);
    assert.throws(() => JSON.parse(answer.text) as unknown, SyntaxError);
  });

  test('unknownShape is a success envelope with unexpected data', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'unknownShape' });
    const answer = await get(upstream.url, ALPINE_LATEST);
    assert.deepEqual(json<Envelope>(answer).data, { unexpected: true });
  });

  test('huge is valid JSON of exactly the requested size', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'huge', bytes: 3_000_000 });
    const answer = await get(upstream.url, ALPINE_LATEST);
    assert.equal(answer.status, 200);
    assert.equal(Buffer.byteLength(answer.text), 3_000_000);
    assert.equal(json<Envelope>(answer).code, 0);
  });

  test('okWithErrorCode is HTTP 200 carrying a non-zero code', async () => {
    await using upstream = await startDemoUpstream();
    upstream.setFault({ kind: 'okWithErrorCode', code: 250102 });
    const answer = await get(upstream.url, ALPINE_LATEST);
    assert.equal(answer.status, 200);
    assert.equal(json<Envelope>(answer).code, 250102);
  });
});

describe('request log', () => {
  test('records method, raw path, decoded query, headers, endpoint and token user', async () => {
    await using upstream = await startDemoUpstream();
    const digest = `sha256%3A${'a'.repeat(64)}`;
    await get(upstream.url, ALPINE_LATEST, DEMO_TOKENS.admin);
    await get(upstream.url, `/ext/manifest/demo/docker-local/library/nginx/${digest}`, null);

    const [detailCall, manifestCall] = upstream.requests();
    assert.equal(detailCall?.method, 'GET');
    assert.equal(detailCall?.path, '/api/open/CPack/repo-oci/ext/version/detail/demo/docker-local');
    assert.deepEqual(detailCall?.query, { packageKey: 'docker://alpine', version: 'latest' });
    assert.equal(detailCall?.headers['x-devops-access-token'], DEMO_TOKENS.admin);
    assert.equal(detailCall?.endpoint, 'versionDetail');
    assert.equal(detailCall?.user, 'admin');

    assert.ok(manifestCall?.path.endsWith(`/library/nginx/${digest}`));
    assert.equal(manifestCall?.endpoint, 'manifest');
    assert.equal(manifestCall?.user, null);
    assert.equal(manifestCall?.headers['x-devops-access-token'], undefined);
  });

  test('counts calls per endpoint until clearRequests()', async () => {
    await using upstream = await startDemoUpstream();
    await get(upstream.url, ALPINE_LATEST);
    await get(upstream.url, ALPINE_3_20);
    await get(upstream.url, '/ext/tag/demo/docker-local/alpine?pageNumber=1&pageSize=5');
    await get(upstream.url, '/ext/addr');
    await get(upstream.url, '/ext/nope');
    assert.equal(upstream.callCount(), 5);
    assert.equal(upstream.callCount('versionDetail'), 2);
    assert.equal(upstream.callCount('tagList'), 1);
    assert.equal(upstream.callCount('addr'), 1);
    assert.equal(upstream.callCount('unknown'), 1);
    assert.equal(upstream.callCount('manifest'), 0);

    upstream.clearRequests();
    assert.equal(upstream.callCount(), 0);
    assert.deepEqual(upstream.requests(), []);
  });

  test('keeps only the newest requestLogLimit entries but counts them all', async () => {
    await using upstream = await startDemoUpstream({ requestLogLimit: 3 });
    for (const version of ['1', '2', '3', '4', '5', '6', '7']) {
      await get(upstream.url, detailPath('docker-local', 'docker://alpine', version));
    }
    assert.deepEqual(
      upstream.requests().map((r) => r.query['version']),
      ['5', '6', '7'],
    );
    assert.equal(upstream.callCount('versionDetail'), 7);
  });
});

describe('maxInFlight', () => {
  test('is the most requests handled at once, overall and per endpoint, latency included', async () => {
    await using upstream = await startDemoUpstream({ latencyMs: 100 });
    const manifest = '/ext/manifest/demo/docker-local/alpine/latest';
    await Promise.all([
      ...Array.from({ length: 5 }, () => get(upstream.url, ALPINE_LATEST)),
      get(upstream.url, manifest),
    ]);
    assert.equal(upstream.maxInFlight(), 6);
    assert.equal(upstream.maxInFlight('versionDetail'), 5);
    assert.equal(upstream.maxInFlight('manifest'), 1);
    assert.equal(upstream.maxInFlight('tagList'), 0);

    upstream.resetMaxInFlight();
    assert.equal(upstream.maxInFlight(), 0);
    await get(upstream.url, ALPINE_LATEST);
    assert.equal(upstream.maxInFlight(), 1);
  });
});

describe('close', () => {
  test('closes idle keep-alive connections and can be called twice', async () => {
    const upstream = await startDemoUpstream();
    const agent = new Agent({ keepAliveTimeout: 60_000 });
    try {
      const response = await request(upstream.url + ALPINE_LATEST, {
        dispatcher: agent,
        headers: { 'x-devops-access-token': DEMO_TOKENS.demo },
      });
      await response.body.text();
      const { ms } = await timed(() => upstream.close());
      assert.ok(ms < 1000, `close took ${ms} ms`);
      await upstream.close();
      await assert.rejects(get(upstream.url, ALPINE_LATEST));
    } finally {
      await agent.close();
    }
  });

  test('drops answers still waiting for their latency', async () => {
    const upstream = await startDemoUpstream({ latencyMs: 10_000 });
    const pending = get(upstream.url, ALPINE_LATEST);
    while (upstream.callCount() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const { ms } = await timed(() => upstream.close());
    assert.ok(ms < 1000, `close took ${ms} ms`);
    await assert.rejects(pending);
  });
});
