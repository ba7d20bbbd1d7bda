import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog } from '../../src/demo/catalog.ts';
import { REPOSITORIES } from '../../src/demo/fixtures.ts';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

const IMAGE_VERSIONS = /* GraphQL */ `
  query Many($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      __typename
      ... on ImageVersion {
        version
        basic {
          size
        }
      }
      ... on ImageVersionError {
        code
        message
      }
    }
  }
`;

const WITH_LAYERS = /* GraphQL */ `
  query Many($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      __typename
      ... on ImageVersion {
        version
        layers {
          digest
        }
      }
    }
  }
`;

const ALPINE_TAGS = (
  buildCatalog(REPOSITORIES).get('demo')?.get('docker-local')?.tags.get('alpine') ?? []
).map((entry) => entry.tag);
const refsOf = (tags: readonly string[]) =>
  tags.map((version) => ({
    projectId: 'demo',
    repoName: 'docker-local',
    packageKey: 'docker://alpine',
    version,
  }));

// No cache, so every ref is a real upstream call.
const NO_CACHE = { cacheTtlTagMs: 0, cacheTtlDigestMs: 0 };

async function readAll(
  gw: TestGateway,
  tags: readonly string[],
  query = IMAGE_VERSIONS,
): Promise<void> {
  const { body } = await gw.query<{
    imageVersions: Array<{ __typename: string; version: string }>;
  }>(query, {
    variables: { refs: refsOf(tags) },
  });
  assert.equal(body.errors, undefined);
  // Every ref answered: queued, never dropped.
  assert.deepEqual(
    body.data?.imageVersions.map((result) => `${result.__typename}:${result.version}`),
    tags.map((tag) => `ImageVersion:${tag}`),
  );
}

describe('upstream load is bounded', () => {
  test('UPSTREAM_CONNECTIONS caps the calls in flight across all requests; the rest queue', async () => {
    await using gw = await startTestGateway(
      { ...NO_CACHE, upstreamConnections: 4, upstreamConcurrencyPerRequest: 64 },
      { latencyMs: 30 },
    );
    const thirds = [0, 1, 2].map((part) => ALPINE_TAGS.filter((_, index) => index % 3 === part));
    await Promise.all(thirds.map((tags) => readAll(gw, tags)));
    assert.equal(gw.upstream.callCount('versionDetail'), ALPINE_TAGS.length);
    assert.ok(gw.upstream.maxInFlight() <= 4, `maxInFlight ${gw.upstream.maxInFlight()}`);
    // The cap was reached, so the test shows the cap and not a slow client.
    assert.equal(gw.upstream.maxInFlight(), 4);
  });

  test('UPSTREAM_CONCURRENCY_PER_REQUEST caps one request’s calls in flight, and every ref is still answered', async () => {
    await using gw = await startTestGateway(
      { ...NO_CACHE, upstreamConnections: 64, upstreamConcurrencyPerRequest: 3 },
      { latencyMs: 30 },
    );
    const tags = ALPINE_TAGS.slice(0, 20);
    await readAll(gw, tags);
    assert.equal(gw.upstream.callCount('versionDetail'), 20);
    assert.ok(gw.upstream.maxInFlight() <= 3, `maxInFlight ${gw.upstream.maxInFlight()}`);
    assert.equal(gw.upstream.maxInFlight(), 3);
  });

  test('the per-request cap is per request: two requests may each use it', async () => {
    await using gw = await startTestGateway(
      { ...NO_CACHE, upstreamConnections: 64, upstreamConcurrencyPerRequest: 3 },
      { latencyMs: 30 },
    );
    await Promise.all([
      readAll(gw, ALPINE_TAGS.slice(0, 12)),
      readAll(gw, ALPINE_TAGS.slice(12, 24)),
    ]);
    assert.ok(gw.upstream.maxInFlight() <= 6, `maxInFlight ${gw.upstream.maxInFlight()}`);
    assert.ok(gw.upstream.maxInFlight() > 3, `maxInFlight ${gw.upstream.maxInFlight()}`);
  });

  test('manifest calls share the request’s cap with detail calls', async () => {
    await using gw = await startTestGateway(
      { ...NO_CACHE, upstreamConnections: 64, upstreamConcurrencyPerRequest: 3 },
      { latencyMs: 30 },
    );
    const tags = ALPINE_TAGS.slice(0, 10);
    await readAll(gw, tags, WITH_LAYERS);
    assert.equal(gw.upstream.callCount('versionDetail'), 10);
    assert.equal(gw.upstream.callCount('manifest'), 10);
    assert.ok(gw.upstream.maxInFlight() <= 3, `maxInFlight ${gw.upstream.maxInFlight()}`);
  });

  test('tag-list calls share the request’s cap too', async () => {
    await using gw = await startTestGateway(
      { ...NO_CACHE, upstreamConnections: 64, upstreamConcurrencyPerRequest: 2 },
      { latencyMs: 30 },
    );
    // Five aliased listings of different images, each one tag-list call.
    const { body } = await gw.query(/* GraphQL */ `
      {
        a: imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://alpine"
          first: 1
        ) {
          totalCount
        }
        b: imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://library/nginx"
          first: 1
        ) {
          totalCount
        }
        c: imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://team/backend/api"
          first: 1
        ) {
          totalCount
        }
        d: imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://ml/pytorch-cuda"
          first: 1
        ) {
          totalCount
        }
        e: imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://alpine"
          first: 2
        ) {
          totalCount
        }
      }
    `);
    assert.equal(body.errors, undefined);
    assert.equal(gw.upstream.callCount('tagList'), 5);
    assert.ok(gw.upstream.maxInFlight() <= 2, `maxInFlight ${gw.upstream.maxInFlight()}`);
  });
});
