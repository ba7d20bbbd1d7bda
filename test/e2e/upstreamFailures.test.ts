import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

const QUERY = /* GraphQL */ `
  query One($repoName: String!, $packageKey: String!, $version: String!) {
    imageVersion(
      projectId: "demo"
      repoName: $repoName
      packageKey: $packageKey
      version: $version
    ) {
      version
      basic {
        size
      }
    }
  }
`;
const alpine = { repoName: 'docker-local', packageKey: 'docker://alpine', version: 'latest' };

async function errorCodeOf(
  gw: TestGateway,
  variables: Record<string, unknown> = alpine,
  token?: string | null,
): Promise<string | undefined> {
  const { status, body } = await gw.query(QUERY, { variables, token });
  assert.equal(status, 200);
  assert.equal(body.data?.['imageVersion'], null);
  assert.equal(body.errors?.length, 1);
  const text = JSON.stringify(body);
  // Nothing of the upstream's internals reaches the client.
  assert.ok(!text.includes(new URL(gw.upstream.url).host), 'no upstream URL');
  assert.ok(!text.includes('demo-token'), 'no token');
  assert.ok(!/stack|at .*\.ts:\d+/.test(text), 'no stack trace');
  return body.errors?.[0]?.extensions?.code;
}

describe('every upstream failure mode maps to one catalogue code', () => {
  test('no token: UNAUTHENTICATED and no upstream call', async () => {
    await using gw = await startTestGateway();
    assert.equal(await errorCodeOf(gw, alpine, null), 'UNAUTHENTICATED');
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('__typename needs no token and no upstream call', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query('{ __typename }', { token: null });
    assert.deepEqual(body, { data: { __typename: 'Query' } });
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('a token bk-repo rejects: UNAUTHENTICATED', async () => {
    await using gw = await startTestGateway();
    assert.equal(await errorCodeOf(gw, alpine, 'not-a-token'), 'UNAUTHENTICATED');
  });

  test('no read permission: FORBIDDEN, in the modern and the CPack formats', async () => {
    await using gw = await startTestGateway();
    assert.equal(await errorCodeOf(gw, { ...alpine, repoName: 'private' }), 'FORBIDDEN');
  });

  test('a repository that does not exist: NOT_FOUND', async () => {
    await using gw = await startTestGateway();
    assert.equal(await errorCodeOf(gw, { ...alpine, repoName: 'no-such-repo' }), 'NOT_FOUND');
  });

  test('an artifact bk-repo cannot describe (a Helm chart): BAD_USER_INPUT', async () => {
    await using gw = await startTestGateway();
    assert.equal(
      await errorCodeOf(gw, {
        repoName: 'oci-local',
        packageKey: 'oci://charts/redis',
        version: '19.0.0',
      }),
      'BAD_USER_INPUT',
    );
  });

  test('malformed arguments: BAD_USER_INPUT naming the argument, and no upstream call', async () => {
    await using gw = await startTestGateway();
    for (const variables of [
      { ...alpine, repoName: '../../admin' },
      { ...alpine, repoName: '%2e%2e' },
      { ...alpine, version: 'latest\r\nX-Injected: 1' },
      { ...alpine, version: 'latest?x=1' },
      { ...alpine, packageKey: 'alpine' },
    ]) {
      const { body } = await gw.query(QUERY, { variables });
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(body.errors?.[0]?.message ?? '', /repoName|version|packageKey/);
    }
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('an upstream that does not answer in time: UPSTREAM_TIMEOUT', async () => {
    await using gw = await startTestGateway({ upstreamTimeoutMs: 300 });
    gw.upstream.setFault({ kind: 'hang' });
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_TIMEOUT');
  });

  test('a reset connection: UPSTREAM_UNAVAILABLE', async () => {
    await using gw = await startTestGateway();
    gw.upstream.setFault({ kind: 'reset' });
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_UNAVAILABLE');
  });

  test('an unreachable upstream: UPSTREAM_UNAVAILABLE', async () => {
    await using gw = await startTestGateway();
    await gw.upstream.close();
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_UNAVAILABLE');
  });

  test('server errors and proxy pages: UPSTREAM_UNAVAILABLE, and 504: UPSTREAM_TIMEOUT', async () => {
    await using gw = await startTestGateway();
    for (const [status, code] of [
      [500, 'UPSTREAM_UNAVAILABLE'],
      [502, 'UPSTREAM_UNAVAILABLE'],
      [503, 'UPSTREAM_UNAVAILABLE'],
      [504, 'UPSTREAM_TIMEOUT'],
    ] as const) {
      gw.upstream.clearFaults();
      gw.upstream.setFault({ kind: 'status', status });
      assert.equal(await errorCodeOf(gw), code, `HTTP ${status}`);
    }
  });

  test('rate limiting and an error code inside HTTP 200: UPSTREAM_UNAVAILABLE', async () => {
    await using gw = await startTestGateway();
    gw.upstream.setFault({ kind: 'rateLimited' });
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_UNAVAILABLE');
    gw.upstream.clearFaults();
    gw.upstream.setFault({ kind: 'okWithErrorCode', code: 250102 });
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_UNAVAILABLE');
  });

  test('a body that fits no known shape: UPSTREAM_CONTRACT', async () => {
    await using gw = await startTestGateway();
    for (const fault of [{ kind: 'invalidJson' }, { kind: 'unknownShape' }] as const) {
      gw.upstream.clearFaults();
      gw.upstream.setFault(fault);
      assert.equal(await errorCodeOf(gw), 'UPSTREAM_CONTRACT', fault.kind);
    }
  });

  test('a response over the size cap: UPSTREAM_CONTRACT', async () => {
    await using gw = await startTestGateway({ upstreamMaxResponseBytes: 64 * 1024 });
    gw.upstream.setFault({ kind: 'huge', bytes: 1024 * 1024 });
    assert.equal(await errorCodeOf(gw), 'UPSTREAM_CONTRACT');
  });

  test('passes the upstream trace id on in extensions', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query(QUERY, { variables: { ...alpine, repoName: 'no-such-repo' } });
    assert.match(String(body.errors?.[0]?.extensions?.traceId), /^[a-f0-9]{32}/);
  });
});

describe('token forwarding', () => {
  test('forwards the caller token unchanged with JSON and English headers', async () => {
    await using gw = await startTestGateway();
    await gw.query(QUERY, { variables: alpine, token: 'admin-token' });
    const [detailCall] = gw.upstream.requests();
    assert.ok(detailCall);
    assert.equal(detailCall.headers['x-devops-access-token'], 'admin-token');
    assert.equal(detailCall.headers['accept'], 'application/json');
    assert.equal(detailCall.headers['accept-language'], 'en');
    assert.equal(detailCall.query['packageKey'], 'docker://alpine');
    assert.equal(detailCall.query['version'], 'latest');
  });
});
