import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { REPOSITORIES } from '../../src/demo/fixtures.ts';
import { freePort, startRedisServer } from '../helpers/redisServer.ts';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

const DETAILS = /* GraphQL */ `
  query Many($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      __typename
      ... on ImageVersion {
        version
        digest
        basic {
          size
          createdDate
          lastModifiedDate
          stageTag
          platform
        }
        history {
          created
          createdBy
          emptyLayer
        }
        metadata {
          key
          value
        }
      }
      ... on ImageVersionError {
        code
        retryable
      }
    }
  }
`;

const LAYERS = /* GraphQL */ `
  query Many($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      ... on ImageVersion {
        version
        layers {
          digest
          size
        }
      }
    }
  }
`;

interface Results {
  imageVersions: Array<{ __typename: string; version?: string; code?: string }>;
}

const alpine = (version: string) => ({
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://alpine',
  version,
});
const REFS = [alpine('latest'), alpine('3.19'), alpine('edge')];

// A child manifest of the multi-arch nginx tag: a version named by its immutable digest.
const NGINX_CHILD_DIGEST =
  REPOSITORIES.find(
    (repo) => repo.projectId === 'demo' && repo.name === 'docker-local',
  )?.versions.find(
    (version) => version.imageName === 'library/nginx' && version.name.startsWith('sha256:'),
  )?.name ?? '';
const NGINX_CHILD = { ...alpine(NGINX_CHILD_DIGEST), packageKey: 'docker://library/nginx' };

async function read(
  gw: TestGateway,
  refs: readonly object[] = REFS,
  token = 'demo-token',
  query = DETAILS,
) {
  const { body } = await gw.query<Results>(query, { variables: { refs }, token });
  assert.equal(body.errors, undefined);
  return body.data?.imageVersions ?? [];
}

/** Detail calls made by `action` alone. */
async function detailCalls(gw: TestGateway, action: () => Promise<unknown>): Promise<number> {
  gw.upstream.clearRequests();
  await action();
  return gw.upstream.callCount('versionDetail');
}

describe('the cross-request cache, in memory', () => {
  test('a second identical query within the TTL makes no call; after the TTL it makes them all again', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 200 });
    const first = await read(gw);
    assert.equal(gw.upstream.callCount('versionDetail'), 3);
    let second: unknown;
    assert.equal(await detailCalls(gw, async () => (second = await read(gw))), 0);
    assert.deepEqual(second, first);
    await sleep(300);
    assert.equal(await detailCalls(gw, () => read(gw)), 3);
  });

  test('a cached version is served to the same token only', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 60_000 });
    await read(gw);
    assert.equal(await detailCalls(gw, () => read(gw, REFS, 'admin-token')), 3);
    assert.equal(await detailCalls(gw, () => read(gw, REFS, 'admin-token')), 0);
  });

  test('errors are never cached', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 60_000 });
    gw.upstream.setFault(
      { kind: 'status', status: 503 },
      { endpoint: 'versionDetail', version: '3.19' },
    );
    const failed = await read(gw);
    assert.deepEqual(
      failed.map((result) => result.code ?? 'ok'),
      ['ok', 'UPSTREAM_UNAVAILABLE', 'ok'],
    );
    gw.upstream.clearFaults();
    let again: Results['imageVersions'] = [];
    assert.equal(await detailCalls(gw, async () => (again = await read(gw))), 1);
    assert.ok(again.every((result) => result.__typename === 'ImageVersion'));
    // A missing version is not cached either.
    await read(gw, [alpine('0.0.0')]);
    assert.equal(await detailCalls(gw, () => read(gw, [alpine('0.0.0')])), 1);
  });

  test('TTL 0 turns caching off', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 0, cacheTtlDigestMs: 0 });
    await read(gw);
    assert.equal(await detailCalls(gw, () => read(gw)), 3);
    assert.equal(await detailCalls(gw, () => read(gw, [NGINX_CHILD])), 1);
    assert.equal(await detailCalls(gw, () => read(gw, [NGINX_CHILD])), 1);
  });

  test('tags follow CACHE_TTL_TAG_MS and sha256 versions CACHE_TTL_DIGEST_MS', async () => {
    assert.match(NGINX_CHILD_DIGEST, /^sha256:[a-f0-9]{64}$/);
    await using gw = await startTestGateway({ cacheTtlTagMs: 0, cacheTtlDigestMs: 60_000 });
    await read(gw, [...REFS, NGINX_CHILD]);
    assert.equal(await detailCalls(gw, () => read(gw, [...REFS, NGINX_CHILD])), 3);
    assert.ok(
      gw.upstream.requests().every((request) => request.query['version'] !== NGINX_CHILD_DIGEST),
    );
  });

  test('manifests are cached too', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 60_000 });
    await read(gw, REFS, 'demo-token', LAYERS);
    assert.equal(gw.upstream.callCount('manifest'), 3);
    gw.upstream.clearRequests();
    await read(gw, REFS, 'demo-token', LAYERS);
    assert.equal(gw.upstream.callCount(), 0);
  });
});

describe('coalescing across requests', () => {
  test('identical calls in flight at once for the same token are made once', async () => {
    await using gw = await startTestGateway(
      { cacheTtlTagMs: 0, cacheTtlDigestMs: 0 },
      { latencyMs: 50 },
    );
    const answers = await Promise.all([read(gw), read(gw), read(gw)]);
    assert.equal(gw.upstream.callCount('versionDetail'), 3);
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
  });

  test('the same ref for different tokens is never coalesced', async () => {
    await using gw = await startTestGateway(
      { cacheTtlTagMs: 0, cacheTtlDigestMs: 0 },
      { latencyMs: 50 },
    );
    await Promise.all([read(gw, REFS, 'demo-token'), read(gw, REFS, 'admin-token')]);
    assert.equal(gw.upstream.callCount('versionDetail'), 6);
    const users = gw.upstream.requests().map((request) => request.user);
    assert.equal(users.filter((user) => user === 'demo').length, 3);
    assert.equal(users.filter((user) => user === 'admin').length, 3);
  });
});

describe('the cross-request cache, in Redis', () => {
  test('a second query within the TTL makes no call, and Dates come back from Redis intact', async () => {
    await using redis = await startRedisServer();
    await using gw = await startTestGateway({ cacheUrl: redis.url, cacheTtlTagMs: 300 });
    const first = await read(gw);
    assert.equal(gw.upstream.callCount('versionDetail'), 3);
    let second: unknown;
    assert.equal(await detailCalls(gw, async () => (second = await read(gw))), 0);
    assert.deepEqual(second, first);
    await sleep(450);
    assert.equal(await detailCalls(gw, () => read(gw)), 3);
  });

  test('gateways that share a Redis share the cache, per token', async () => {
    await using redis = await startRedisServer();
    await using a = await startTestGateway({ cacheUrl: redis.url, cacheTtlTagMs: 60_000 });
    await using b = await startTestGateway({ cacheUrl: redis.url, cacheTtlTagMs: 60_000 });
    const fromA = await read(a);
    const fromB = await read(b);
    assert.deepEqual(fromB, fromA);
    assert.equal(b.upstream.callCount(), 0);
    await read(b, REFS, 'admin-token');
    assert.equal(b.upstream.callCount('versionDetail'), 3);
  });

  test('errors are never cached in Redis', async () => {
    await using redis = await startRedisServer();
    await using gw = await startTestGateway({ cacheUrl: redis.url, cacheTtlTagMs: 60_000 });
    gw.upstream.setFault(
      { kind: 'status', status: 500 },
      { endpoint: 'versionDetail', version: 'edge' },
    );
    await read(gw);
    gw.upstream.clearFaults();
    assert.equal(await detailCalls(gw, () => read(gw)), 1);
  });

  test('a Redis outage never fails a request: it is read from bk-repo instead', async () => {
    await using redis = await startRedisServer();
    await using gw = await startTestGateway({ cacheUrl: redis.url, cacheTtlTagMs: 60_000 });
    await read(gw);
    assert.equal(await detailCalls(gw, () => read(gw)), 0);
    await redis.kill();
    let during: Results['imageVersions'] = [];
    assert.equal(await detailCalls(gw, async () => (during = await read(gw))), 3);
    assert.ok(during.every((result) => result.__typename === 'ImageVersion'));
  });

  test('a gateway whose Redis is down from the start still serves', async () => {
    const port = await freePort();
    await using gw = await startTestGateway({
      cacheUrl: new URL(`redis://127.0.0.1:${port}`),
      cacheTtlTagMs: 60_000,
    });
    const results = await read(gw);
    assert.ok(results.every((result) => result.__typename === 'ImageVersion'));
    assert.equal(await detailCalls(gw, () => read(gw)), 3);
  });
});
