import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPOSITORIES, type PackageVersion } from '../../src/demo/fixtures.ts';
import { versionSize } from '../../src/demo/manifests.ts';
import { startTestGateway } from '../helpers/startGateway.ts';

const IMAGE_STORAGE = /* GraphQL */ `
  query Storage($refs: [ImageVersionRef!]!) {
    imageStorage(refs: $refs) {
      versions {
        projectId
        repoName
        packageKey
        version
      }
      errors {
        ref {
          projectId
          repoName
          packageKey
          version
        }
        code
        retryable
      }
      totalSize
      distinctLayerCount
      distinctLayerSize
      sharedLayers {
        digest
        size
        versions {
          packageKey
          version
        }
      }
    }
  }
`;

interface Ref {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

interface Storage {
  versions: Ref[];
  errors: Array<{ ref: Ref; code: string; retryable: boolean }>;
  totalSize: number;
  distinctLayerCount: number;
  distinctLayerSize: number;
  sharedLayers: Array<{
    digest: string;
    size: number;
    versions: Array<{ packageKey: string; version: string }>;
  }>;
}

const docker = (imageName: string, version: string, repoName = 'docker-local'): Ref => ({
  projectId: 'demo',
  repoName,
  packageKey: `docker://${imageName}`,
  version,
});

/** The fixture behind a ref: what bk-repo stores, from which the expected totals are computed. */
function fixture(ref: Ref): PackageVersion {
  const repository = REPOSITORIES.find(
    (repo) => repo.projectId === ref.projectId && repo.name === ref.repoName,
  );
  const imageName = ref.packageKey.replace(/^\w+:\/\//, '');
  const version = repository?.versions.find(
    (entry) => entry.imageName === imageName && entry.name === ref.version,
  );
  assert.ok(version, `fixture for ${JSON.stringify(ref)}`);
  return version;
}

function layersOf(version: PackageVersion) {
  return version.manifest.kind === 'image' ? version.manifest.layers : [];
}

/** The expected answer, computed independently from the fixtures. */
function expectedFor(refs: readonly Ref[]) {
  const users = new Map<string, { size: number; users: Set<string> }>();
  let totalSize = 0;
  for (const ref of refs) {
    const version = fixture(ref);
    totalSize += versionSize(version.manifest);
    for (const layer of layersOf(version)) {
      const entry = users.get(layer.digest) ?? { size: layer.size, users: new Set<string>() };
      entry.users.add(`${ref.packageKey}:${ref.version}`);
      users.set(layer.digest, entry);
    }
  }
  const shared = [...users.entries()]
    .filter(([, entry]) => entry.users.size > 1)
    .sort(([da, a], [db, b]) => b.size - a.size || da.localeCompare(db));
  return {
    totalSize,
    distinctLayerCount: users.size,
    distinctLayerSize: [...users.values()].reduce((sum, entry) => sum + entry.size, 0),
    shared: shared.map(([digest, entry]) => ({
      digest,
      size: entry.size,
      users: [...entry.users].sort(),
    })),
  };
}

const ALPINE_3_20_3 = docker('alpine', '3.20.3');
const ALPINE_LATEST = docker('alpine', 'latest');
const ALPINE_3_19_4 = docker('alpine', '3.19.4');
const API_2_3_1 = docker('team/backend/api', 'v2.3.1');
const API_2_3_0 = docker('team/backend/api', 'v2.3.0');
const NGINX = docker('library/nginx', '1.27');

describe('imageStorage', () => {
  test('layers shared by several versions count once; totals match the fixtures', async () => {
    await using gw = await startTestGateway();
    const refs = [ALPINE_3_20_3, ALPINE_LATEST, ALPINE_3_19_4, API_2_3_1, API_2_3_0, NGINX];
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs },
    });
    assert.equal(body.errors, undefined);
    const storage = body.data?.imageStorage;
    assert.ok(storage);
    const expected = expectedFor(refs);

    assert.deepEqual(storage.versions, refs);
    assert.deepEqual(storage.errors, []);
    assert.equal(storage.totalSize, expected.totalSize);
    assert.equal(storage.distinctLayerCount, expected.distinctLayerCount);
    assert.equal(storage.distinctLayerSize, expected.distinctLayerSize);
    assert.deepEqual(
      storage.sharedLayers.map((layer) => ({
        digest: layer.digest,
        size: layer.size,
        users: layer.versions.map((v) => `${v.packageKey}:${v.version}`).sort(),
      })),
      expected.shared,
    );

    // The fixture's own story: alpine 3.20.3's rootfs is under latest and both api versions, and
    // the two api versions share all but their last three layers.
    const rootfs = layersOf(fixture(ALPINE_3_20_3))[0];
    const rootfsShare = storage.sharedLayers.find((layer) => layer.digest === rootfs?.digest);
    assert.equal(rootfsShare?.versions.length, 4);
    const apiLayers = layersOf(fixture(API_2_3_1)).length;
    assert.ok(storage.sharedLayers.length >= apiLayers - 3);
    assert.ok(storage.distinctLayerSize < storage.totalSize);
    for (let i = 1; i < storage.sharedLayers.length; i++) {
      assert.ok(
        (storage.sharedLayers[i - 1]?.size ?? 0) >= (storage.sharedLayers[i]?.size ?? 0),
        'largest first',
      );
    }
  });

  test('each distinct ref costs one detail and one manifest call; duplicates are read once', async () => {
    await using gw = await startTestGateway();
    const refs = [ALPINE_LATEST, API_2_3_1, ALPINE_LATEST, API_2_3_1, API_2_3_1];
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs },
    });
    assert.deepEqual(body.data?.imageStorage.versions, [ALPINE_LATEST, API_2_3_1]);
    assert.equal(
      body.data?.imageStorage.totalSize,
      expectedFor([ALPINE_LATEST, API_2_3_1]).totalSize,
    );
    assert.equal(gw.upstream.callCount('versionDetail'), 2);
    assert.equal(gw.upstream.callCount('manifest'), 2);
  });

  test('layers embedded by the legacy docker service are used without a manifest call', async () => {
    await using gw = await startTestGateway();
    const hello = docker('hello-world', 'v1', 'legacy');
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs: [hello] },
    });
    assert.equal(body.errors, undefined);
    assert.equal(body.data?.imageStorage.totalSize, 2487);
    assert.equal(body.data?.imageStorage.distinctLayerCount, 1);
    assert.equal(body.data?.imageStorage.distinctLayerSize, 977);
    assert.equal(gw.upstream.callCount('manifest'), 0);
  });

  test('sizes past 2^31 add up exactly', async () => {
    await using gw = await startTestGateway();
    const pytorch = docker('ml/pytorch-cuda', '2.4');
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs: [pytorch, ALPINE_LATEST] },
    });
    assert.equal(body.errors, undefined);
    assert.equal(
      body.data?.imageStorage.totalSize,
      expectedFor([pytorch, ALPINE_LATEST]).totalSize,
    );
    assert.ok((body.data?.imageStorage.totalSize ?? 0) > 5 * 2 ** 30);
  });

  test('refs that cannot be read are reported once each, in the order given, and left out of every total', async () => {
    await using gw = await startTestGateway();
    const missing = docker('alpine', '0.0.0');
    const forbidden = docker('secret/app', '1.0', 'private');
    const invalid = { ...ALPINE_LATEST, repoName: '../x' };
    const refs = [ALPINE_LATEST, missing, forbidden, invalid, API_2_3_0, invalid];
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs },
    });
    assert.equal(body.errors, undefined);
    const storage = body.data?.imageStorage;
    assert.deepEqual(storage?.versions, [ALPINE_LATEST, API_2_3_0]);
    assert.deepEqual(
      storage?.errors.map((error) => [
        error.ref.version,
        error.ref.repoName,
        error.code,
        error.retryable,
      ]),
      [
        ['0.0.0', 'docker-local', 'NOT_FOUND', false],
        ['1.0', 'private', 'FORBIDDEN', false],
        ['latest', '../x', 'BAD_USER_INPUT', false],
      ],
    );
    const expected = expectedFor([ALPINE_LATEST, API_2_3_0]);
    assert.equal(storage?.totalSize, expected.totalSize);
    assert.equal(storage?.distinctLayerSize, expected.distinctLayerSize);
  });

  test('a version whose manifest cannot be read is an error, not a partial total', async () => {
    await using gw = await startTestGateway();
    gw.upstream.setFault(
      { kind: 'status', status: 503 },
      { endpoint: 'manifest', version: 'v2.3.0' },
    );
    const { body } = await gw.query<{ imageStorage: Storage }>(IMAGE_STORAGE, {
      variables: { refs: [ALPINE_LATEST, API_2_3_0] },
    });
    assert.deepEqual(body.data?.imageStorage.versions, [ALPINE_LATEST]);
    assert.deepEqual(
      body.data?.imageStorage.errors.map((error) => [
        error.ref.version,
        error.code,
        error.retryable,
      ]),
      [['v2.3.0', 'UPSTREAM_UNAVAILABLE', true]],
    );
    assert.equal(body.data?.imageStorage.totalSize, expectedFor([ALPINE_LATEST]).totalSize);
  });

  test('more refs than MAX_REFS_PER_QUERY: BAD_USER_INPUT and no upstream call', async () => {
    await using gw = await startTestGateway({ maxRefsPerQuery: 2 });
    const { body } = await gw.query(IMAGE_STORAGE, {
      variables: { refs: [ALPINE_LATEST, API_2_3_0, NGINX] },
    });
    assert.equal(body.data, null);
    assert.equal(body.errors?.length, 1);
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(gw.upstream.callCount(), 0);
  });
});
