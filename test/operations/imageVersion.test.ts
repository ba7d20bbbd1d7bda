import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ApolloServer } from '@apollo/server';
import Fastify from 'fastify';
import { MockAgent } from 'undici';
import { createApolloServer } from '../../src/apolloServer.ts';
import { defaultConfig } from '../../src/config/config.ts';
import { createContext, type GatewayContext } from '../../src/context.ts';
import { BkRepoClient } from '../../src/upstream/BkRepoClient.ts';
import { createVersionSource } from '../../src/upstream/createVersionSource.ts';
import type { ClosableVersionSource } from '../../src/upstream/createVersionSource.ts';
import { FULL_VERSION } from '../fixtures/queries.ts';
import { SEED_DOC_EXAMPLE } from '../fixtures/seedDocExample.ts';

/*
 * The operation ring: the real schema, resolvers, loaders, decoders and error seam, run through
 * Apollo's executeOperation, with bk-repo answered by an undici MockPool. Every upstream answer
 * is written out here, byte for byte, and a call nobody expected fails the test.
 */

const ORIGIN = 'http://bkrepo.test';
const PREFIX = '/api/open/CPack/repo-oci';
const TOKEN = 'token-of-the-caller';
const config = defaultConfig({ logLevel: 'silent', cacheTtlTagMs: 0, cacheTtlDigestMs: 0 });
const log = Fastify({ logger: { level: 'silent' } }).log;

const MANIFEST_DIGEST = `sha256:${'a'.repeat(64)}`;
const LAYER_DIGEST = `sha256:${'b'.repeat(64)}`;

/** What a current bk-repo (release 3.6) answers for a single-arch tag. */
const CURRENT_DETAIL = {
  code: 0,
  message: null,
  data: {
    basic: {
      version: '3.20',
      fullPath: '/alpine/manifest/3.20/manifest.json',
      size: 5_368_709_120,
      sha256: 'a'.repeat(64),
      md5: 'c'.repeat(32),
      stageTag: ['@release'],
      projectId: 'demo',
      repoName: 'docker-local',
      downloadCount: 3_000_000_000,
      createdBy: 'ci',
      createdDate: '2024-05-01T10:20:30.12',
      lastModifiedBy: 'ci',
      lastModifiedDate: '2024-05-01T10:20:30',
      platform: ['linux/arm64/v8'],
      federatedSource: null,
    },
    metadata: [
      { key: 'docker.manfiest.digest', value: MANIFEST_DIGEST, system: true, description: null },
      {
        key: 'docker.manifest.type',
        value: 'application/vnd.oci.image.manifest.v1+json',
        system: true,
        description: null,
      },
      {
        key: 'scanStatus',
        value: { passed: true, critical: 0 },
        system: false,
        description: 'scan',
      },
    ],
    history: [
      { created: '2024-04-30T08:00:00Z', created_by: 'ADD alpine-minirootfs.tar.gz / # buildkit' },
      { created: '2024-04-30T08:00:01Z', created_by: 'CMD ["/bin/sh"]' },
    ],
  },
  traceId: '3ca2e0f7f6fac8e7001a0634502ceed6',
};

const CURRENT_MANIFEST = {
  code: 0,
  message: null,
  data: JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: 600,
      digest: `sha256:${'d'.repeat(64)}`,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        size: 5_368_708_520,
        digest: LAYER_DIGEST,
      },
    ],
  }),
  traceId: null,
};

interface Harness {
  readonly agent: MockAgent;
  readonly upstream: ReturnType<MockAgent['get']>;
  readonly server: ApolloServer<GatewayContext>;
  readonly source: ClosableVersionSource;
  readonly client: BkRepoClient;
}

let harness: Harness;

beforeEach(async () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const upstream = agent.get(ORIGIN);
  const client = new BkRepoClient({
    baseUrl: new URL(PREFIX, ORIGIN),
    timeoutMs: config.upstreamTimeoutMs,
    connectTimeoutMs: config.upstreamConnectTimeoutMs,
    connections: config.upstreamConnections,
    maxResponseBytes: config.upstreamMaxResponseBytes,
    timeZone: config.upstreamTimeZone,
    dispatcher: upstream,
  });
  const source = await createVersionSource(client, config);
  const server = createApolloServer(config, log);
  await server.start();
  harness = { agent, upstream, server, source, client };
});

afterEach(async () => {
  await harness.server.stop();
  await harness.client.close();
  await harness.source.close?.();
  // Every answer a test set up was asked for.
  harness.agent.assertNoPendingInterceptors();
  await harness.agent.close();
});

function detailPath(projectId: string, repoName: string, packageKey: string, version: string) {
  const query = `packageKey=${encodeURIComponent(packageKey)}&version=${encodeURIComponent(version)}`;
  return `${PREFIX}/ext/version/detail/${projectId}/${repoName}?${query}`;
}

/** One expected upstream call, which must carry the caller's token and the JSON headers. */
function expectCall(path: string, status: number, body: unknown, headers = {}): void {
  harness.upstream
    .intercept({
      path,
      method: 'GET',
      headers: {
        'x-devops-access-token': TOKEN,
        accept: 'application/json',
        'accept-language': 'en',
      },
    })
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), {
      headers: { 'content-type': 'application/json', ...headers },
    });
}

interface Result {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{
    readonly message: string;
    readonly extensions?: Record<string, unknown>;
  }>;
}

async function execute(
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = TOKEN,
): Promise<Result> {
  const response = await harness.server.executeOperation(
    { query, variables },
    {
      contextValue: createContext({
        caller: { token: token ?? undefined, requestId: 'operation-test' },
        source: harness.source,
        config,
        log,
      }),
    },
  );
  assert.equal(response.body.kind, 'single');
  // A JSON round trip, as a client would see it: scalars serialized, no class instances left.
  return JSON.parse(JSON.stringify(response.body.singleResult)) as Result;
}

describe('imageVersion through executeOperation', () => {
  test('maps the seed doc example field by field, with its embedded layers and no manifest call', async () => {
    expectCall(detailPath('demo', 'legacy', 'docker://hello-world', 'v1'), 200, SEED_DOC_EXAMPLE);
    const result = await execute(FULL_VERSION, {
      projectId: 'demo',
      repoName: 'legacy',
      packageKey: 'docker://hello-world',
      version: 'v1',
    });
    assert.equal(result.errors, undefined);
    assert.deepEqual(result.data, {
      imageVersion: {
        projectId: 'demo',
        repoName: 'legacy',
        packageKey: 'docker://hello-world',
        version: 'v1',
        digest: 'sha256:92c7f9c92844bbbb5d0a101b22f7c2a7949e40f8ea90c8b3bc396879d95e899a',
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        basic: {
          version: 'v1',
          size: 2487,
          createdBy: 'owen',
          createdDate: '2020-09-17T03:48:42.896Z',
          lastModifiedBy: 'admin',
          // Zone-less, no X-BKREPO-Time-Zone header: read in UPSTREAM_TIME_ZONE (UTC).
          lastModifiedDate: '2020-09-10T14:49:37.904Z',
          downloadCount: 0,
          sha256: 'fce289e99eb9bca977dae136fbe2a82b6b7d4c372474c9235adc1741675f587e',
          md5: null,
          domain: 'bkrepo.example.com',
          os: 'linux',
          fullPath: null,
          stageTag: null,
          platform: null,
          federatedSource: null,
          projectId: null,
          repoName: null,
        },
        platforms: [{ os: 'linux', architecture: null, variant: null }],
        history: [
          {
            created: '2019-01-01T01:29:27.416Z',
            createdBy:
              '/bin/sh -c #(nop) COPY file:f77490f70ce51da25bd21bfc30cb5e1a24b2b65eb37d4af0c327ddc24f0986a6 in / ',
            emptyLayer: false,
            instruction: 'COPY',
          },
          {
            created: '2019-01-01T01:29:27.650Z',
            createdBy: '/bin/sh -c #(nop)  CMD ["/hello"]',
            emptyLayer: true,
            instruction: 'CMD',
          },
        ],
        metadata: [
          { key: 'docker.manifest', value: 'v1', system: null, description: null },
          {
            key: 'sha256',
            value: '92c7f9c92844bbbb5d0a101b22f7c2a7949e40f8ea90c8b3bc396879d95e899a',
            system: null,
            description: null,
          },
          { key: 'docker.repoName', value: 'hello-world', system: null, description: null },
          {
            key: 'docker.manifest.digest',
            value: 'sha256:92c7f9c92844bbbb5d0a101b22f7c2a7949e40f8ea90c8b3bc396879d95e899a',
            system: null,
            description: null,
          },
          {
            key: 'docker.manifest.type',
            value: 'application/vnd.docker.distribution.manifest.v2+json',
            system: null,
            description: null,
          },
        ],
        layers: [
          {
            mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
            size: 977,
            digest: 'sha256:1b930d010525941c1d56ec53b97bd057a67ae1865eebf042686d2a2d18271ced',
          },
        ],
      },
    });
  });

  test('maps the current shape in the zone bk-repo names, and reads layers from the manifest once', async () => {
    const ref = { projectId: 'demo', repoName: 'docker-local', packageKey: 'docker://alpine' };
    expectCall(
      detailPath(ref.projectId, ref.repoName, ref.packageKey, '3.20'),
      200,
      CURRENT_DETAIL,
      {
        'x-bkrepo-time-zone': '+0800',
      },
    );
    expectCall(`${PREFIX}/ext/manifest/demo/docker-local/alpine/3.20`, 200, CURRENT_MANIFEST);
    const result = await execute(FULL_VERSION, { ...ref, version: '3.20' });
    assert.equal(result.errors, undefined);
    const version = result.data?.['imageVersion'] as Record<string, unknown>;
    assert.equal(
      version['digest'],
      MANIFEST_DIGEST,
      'from the misspelt docker.manfiest.digest key',
    );
    assert.equal(version['mediaType'], 'application/vnd.oci.image.manifest.v1+json');
    assert.deepEqual(version['basic'], {
      version: '3.20',
      size: 5_368_709_120,
      createdBy: 'ci',
      createdDate: '2024-05-01T02:20:30.120Z',
      lastModifiedBy: 'ci',
      lastModifiedDate: '2024-05-01T02:20:30.000Z',
      downloadCount: 3_000_000_000,
      sha256: 'a'.repeat(64),
      md5: 'c'.repeat(32),
      domain: null,
      os: null,
      fullPath: '/alpine/manifest/3.20/manifest.json',
      stageTag: ['@release'],
      platform: ['linux/arm64/v8'],
      federatedSource: null,
      projectId: 'demo',
      repoName: 'docker-local',
    });
    assert.deepEqual(version['platforms'], [{ os: 'linux', architecture: 'arm64', variant: 'v8' }]);
    assert.deepEqual(version['history'], [
      {
        created: '2024-04-30T08:00:00.000Z',
        createdBy: 'ADD alpine-minirootfs.tar.gz / # buildkit',
        emptyLayer: false,
        instruction: 'ADD',
      },
      {
        created: '2024-04-30T08:00:01.000Z',
        createdBy: 'CMD ["/bin/sh"]',
        emptyLayer: true,
        instruction: 'CMD',
      },
    ]);
    assert.deepEqual((version['metadata'] as unknown[])[2], {
      key: 'scanStatus',
      value: { passed: true, critical: 0 },
      system: false,
      description: 'scan',
    });
    assert.deepEqual(version['layers'], [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        size: 5_368_708_520,
        digest: LAYER_DIGEST,
      },
    ]);
  });

  test('a missing version is null without an error, in the envelope and the registry format', async () => {
    const query = /* GraphQL */ `
      {
        current: imageVersion(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://gone"
          version: "1"
        ) {
          digest
        }
        older: imageVersion(
          projectId: "demo"
          repoName: "pre31"
          packageKey: "docker://gone"
          version: "1"
        ) {
          digest
        }
      }
    `;
    expectCall(detailPath('demo', 'docker-local', 'docker://gone', '1'), 404, {
      code: 251906,
      message: 'The version [docker://gone/1] of artifact not found in repo [demo|docker-local] !',
      data: null,
      traceId: null,
    });
    expectCall(detailPath('demo', 'pre31', 'docker://gone', '1'), 400, {
      errors: [{ code: 251906, message: 'The version of artifact not found', detail: null }],
    });
    const result = await execute(query);
    assert.equal(result.errors, undefined);
    assert.deepEqual(result.data, { current: null, older: null });
  });

  test('upstream failures become catalogue codes with the trace id, and nothing of the upstream body', async () => {
    const query = /* GraphQL */ `
      query Three($a: String!, $b: String!, $c: String!) {
        denied: imageVersion(
          projectId: "demo"
          repoName: $a
          packageKey: "docker://x"
          version: "1"
        ) {
          digest
        }
        missingRepo: imageVersion(
          projectId: "demo"
          repoName: $b
          packageKey: "docker://x"
          version: "1"
        ) {
          digest
        }
        broken: imageVersion(
          projectId: "demo"
          repoName: $c
          packageKey: "docker://x"
          version: "1"
        ) {
          digest
        }
      }
    `;
    expectCall(detailPath('demo', 'cpack', 'docker://x', '1'), 403, {
      errors: [{ code: 'DENIED', message: 'Access denied: user[u] secret detail', detail: null }],
    });
    expectCall(
      detailPath('demo', 'nowhere', 'docker://x', '1'),
      404,
      {
        code: 251006,
        message: 'Repository [nowhere] not found',
        data: null,
        traceId: 'aa11bb22cc33dd44ee55ff6677889900',
      },
      {},
    );
    expectCall(detailPath('demo', 'flaky', 'docker://x', '1'), 500, {
      code: 250102,
      message: 'System service is busy, internal host db-7 at 10.0.0.7',
      data: null,
      traceId: null,
    });
    const result = await execute(query, { a: 'cpack', b: 'nowhere', c: 'flaky' });
    assert.deepEqual(result.data, { denied: null, missingRepo: null, broken: null });
    const byPath = new Map(
      (result.errors ?? []).map((error) => [
        (error as { path?: string[] }).path?.[0],
        error.extensions,
      ]),
    );
    assert.equal(byPath.get('denied')?.['code'], 'FORBIDDEN');
    assert.equal(byPath.get('missingRepo')?.['code'], 'NOT_FOUND');
    assert.equal(byPath.get('missingRepo')?.['traceId'], 'aa11bb22cc33dd44ee55ff6677889900');
    assert.equal(byPath.get('broken')?.['code'], 'UPSTREAM_UNAVAILABLE');
    assert.equal(byPath.get('broken')?.['retryable'], true);
    const text = JSON.stringify(result);
    for (const secret of ['secret detail', 'db-7', '10.0.0.7', ORIGIN, PREFIX, TOKEN]) {
      assert.ok(!text.includes(secret), `the response leaks ${secret}`);
    }
  });

  test('without a token nothing is asked of bk-repo', async () => {
    const result = await execute(
      '{ imageVersion(projectId: "demo", repoName: "r", packageKey: "docker://x", version: "1") { digest } }',
      {},
      null,
    );
    assert.deepEqual(result.data, { imageVersion: null });
    assert.equal(result.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
  });
});
