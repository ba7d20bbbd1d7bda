import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nginxIndex } from '../../src/demo/images.ts';
import { FULL_VERSION } from '../fixtures/queries.ts';
import { startTestGateway } from '../helpers/startGateway.ts';

interface Basic {
  version: string | null;
  size: number | null;
  createdDate: string | null;
  lastModifiedDate: string | null;
  domain: string | null;
  os: string | null;
  fullPath: string | null;
  stageTag: string[] | null;
  platform: string[] | null;
}
interface FullVersion {
  imageVersion: {
    digest: string | null;
    mediaType: string | null;
    basic: Basic;
    platforms: Array<{ os: string; architecture: string | null; variant: string | null }>;
    history: Array<{
      created: string | null;
      createdBy: string | null;
      emptyLayer: boolean;
      instruction: string | null;
    }>;
    metadata: Array<{ key: string; value: unknown; system: boolean | null }>;
    layers: Array<{ mediaType: string; size: number; digest: string }>;
  } | null;
}

const ref = (repoName: string, packageKey: string, version: string, projectId = 'demo') => ({
  projectId,
  repoName,
  packageKey,
  version,
});

describe('imageVersion over HTTP against the demo upstream', () => {
  test('reads the current shape: dates with offset, platforms, metadata list, layers from the manifest', async () => {
    await using gw = await startTestGateway();
    const { status, body } = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('docker-local', 'docker://alpine', 'latest'),
    });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
    const version = body.data?.imageVersion;
    assert.ok(version);
    assert.match(version.digest ?? '', /^sha256:[a-f0-9]{64}$/);
    assert.match(version.basic.createdDate ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.ok(version.basic.fullPath?.endsWith('manifest.json'));
    assert.equal(version.basic.domain, null, 'the current shape has no domain');
    assert.ok(version.platforms.length >= 1);
    assert.ok(version.metadata.every((entry) => entry.system !== null));
    assert.ok(version.layers.length >= 1, 'layers come from the manifest endpoint');
    assert.equal(gw.upstream.callCount('versionDetail'), 1);
    assert.equal(gw.upstream.callCount('manifest'), 1);
  });

  test('reads the seed shape with embedded layers and makes no manifest call', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('legacy', 'docker://hello-world', 'v1'),
    });
    assert.equal(body.errors, undefined);
    const version = body.data?.imageVersion;
    assert.ok(version);
    assert.equal(version.basic.domain, 'bkrepo.example.com');
    assert.equal(version.basic.os, 'linux');
    assert.equal(version.basic.createdDate, '2020-09-17T03:48:42.896Z');
    assert.deepEqual(version.platforms, [{ os: 'linux', architecture: null, variant: null }]);
    assert.deepEqual(
      version.history.map((step) => [step.instruction, step.emptyLayer]),
      [
        ['COPY', false],
        ['CMD', true],
      ],
    );
    assert.equal(version.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(version.layers.length, 1);
    assert.equal(gw.upstream.callCount('manifest'), 0);
  });

  test('lists every platform of a multi-arch index, with an empty history', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('docker-local', 'docker://library/nginx', '1.27'),
    });
    assert.equal(body.errors, undefined);
    const version = body.data?.imageVersion;
    assert.ok(version);
    assert.deepEqual(version.platforms, [
      { os: 'linux', architecture: 'amd64', variant: null },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'unknown', architecture: 'unknown', variant: null },
    ]);
    assert.equal(version.mediaType, 'application/vnd.oci.image.index.v1+json');
    assert.deepEqual(version.history, []);
    assert.deepEqual(version.layers, []);
  });

  test('serves sizes past 2^31 as exact JSON numbers', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('docker-local', 'docker://ml/pytorch-cuda', '2.4'),
    });
    assert.equal(body.errors, undefined);
    const size = body.data?.imageVersion?.basic.size;
    assert.equal(typeof size, 'number');
    assert.ok((size ?? 0) > 2 ** 31);
  });

  test('parses dozens of layers and a long history with classic and BuildKit steps', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('docker-local', 'docker://team/backend/api', 'v2.3.1'),
    });
    assert.equal(body.errors, undefined);
    const version = body.data?.imageVersion;
    assert.ok(version);
    assert.ok(version.layers.length >= 60);
    const instructions = new Set(version.history.map((step) => step.instruction));
    for (const instruction of ['RUN', 'COPY', 'ENV', 'CMD'])
      assert.ok(instructions.has(instruction), instruction);
  });

  test('reads a child manifest of a multi-arch push by its digest, and an oci:// key', async () => {
    await using gw = await startTestGateway();
    const [amd64] = nginxIndex().children;
    assert.ok(amd64);
    const child = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('docker-local', 'docker://library/nginx', `sha256:${amd64.digestHex}`),
    });
    assert.equal(child.body.errors, undefined);
    assert.deepEqual(child.body.data?.imageVersion?.platforms, [
      { os: 'linux', architecture: 'amd64', variant: null },
    ]);
    assert.ok((child.body.data?.imageVersion?.layers.length ?? 0) > 0);
    const manifestCall = gw.upstream.requests().find((request) => request.endpoint === 'manifest');
    assert.ok(manifestCall?.path.endsWith(`/library/nginx/sha256%3A${amd64.digestHex}`));

    const oci = await gw.query<FullVersion>(FULL_VERSION, {
      variables: ref('oci-local', 'oci://base/distroless', 'nonroot'),
    });
    assert.equal(oci.body.errors, undefined);
    assert.ok(oci.body.data?.imageVersion);
  });

  test('answers null without an error when the version does not exist, in every upstream flavour', async () => {
    await using gw = await startTestGateway();
    for (const repoName of ['docker-local', 'legacy', 'pre31', 'cpack']) {
      const { body } = await gw.query<FullVersion>(FULL_VERSION, {
        variables: ref(repoName, 'docker://alpine', 'no-such-tag'),
      });
      assert.deepEqual(body, { data: { imageVersion: null } }, repoName);
    }
  });

  test('makes one detail call per request whatever the selection, and none for layers it does not select', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query(
      `{ a: imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { digest basic { size } history { instruction } metadata(keys: ["docker.manifest.type"]) { value } platforms { os } }
         b: imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { version mediaType } }`,
    );
    assert.equal(body.errors, undefined);
    assert.equal(gw.upstream.callCount('versionDetail'), 1);
    assert.equal(gw.upstream.callCount('manifest'), 0);
  });

  test('filters metadata by key', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<{
      imageVersion: { metadata: Array<{ key: string; value: unknown }> };
    }>(
      `{ imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { metadata(keys: ["docker.manifest.type", "absent"]) { key value } } }`,
    );
    assert.deepEqual(
      body.data?.imageVersion.metadata.map((entry) => entry.key),
      ['docker.manifest.type'],
    );
  });
});
