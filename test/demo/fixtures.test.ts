import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPOSITORIES, type PackageVersion } from '../../src/demo/fixtures.ts';
import { sha256Hex, versionSize, type ImageManifest } from '../../src/demo/manifests.ts';

function find(repo: string, imageName: string, name: string, project = 'demo'): PackageVersion {
  const found = REPOSITORIES.find((r) => r.projectId === project && r.name === repo)?.versions.find(
    (v) => v.imageName === imageName && v.name === name,
  );
  assert.ok(found, `${project}/${repo} ${imageName}:${name}`);
  return found;
}

function image(version: PackageVersion): ImageManifest {
  assert.equal(version.manifest.kind, 'image');
  return version.manifest;
}

function layerDigests(version: PackageVersion): Set<string> {
  return new Set(image(version).layers.map((layer) => layer.digest));
}

describe('demo fixtures', () => {
  test('every digest is 64 lower-case hex and every manifest digest hashes its JSON', () => {
    for (const repo of REPOSITORIES) {
      for (const version of repo.versions) {
        const { manifest } = version;
        assert.equal(manifest.digestHex, sha256Hex(manifest.json));
        const descriptors =
          manifest.kind === 'image' ? [manifest.config.descriptor, ...manifest.layers] : [];
        for (const { digest } of descriptors) assert.match(digest, /^sha256:[0-9a-f]{64}$/);
      }
    }
  });

  test('no repository holds the same version twice', () => {
    for (const repo of REPOSITORIES) {
      const keys = repo.versions.map((v) => `${v.imageName}:${v.name}`);
      assert.equal(new Set(keys).size, keys.length, `${repo.projectId}/${repo.name}`);
    }
  });

  test('team/backend/api has 60 layers, its history has one non-empty entry per layer', () => {
    const api = image(find('docker-local', 'team/backend/api', 'v2.3.1'));
    assert.equal(api.layers.length, 60);
    const history = api.config.history ?? [];
    assert.equal(history.filter((entry) => !entry.empty_layer).length, 60);
    assert.ok(history.some((entry) => entry.created_by.endsWith('# buildkit')));
    assert.ok(history.some((entry) => entry.created_by.startsWith('/bin/sh -c #(nop) ')));
    assert.ok(history.some((entry) => entry.created_by.startsWith('|1 VERSION=1.2 ')));
  });

  test('layers are shared: alpine base, api versions, alpine aliases', () => {
    const api231 = layerDigests(find('docker-local', 'team/backend/api', 'v2.3.1'));
    const api230 = layerDigests(find('docker-local', 'team/backend/api', 'v2.3.0'));
    const alpine = layerDigests(find('docker-local', 'alpine', '3.20'));
    assert.equal([...api231].filter((digest) => api230.has(digest)).length, 57);
    assert.ok([...alpine].every((digest) => api231.has(digest)));
    assert.deepEqual(
      find('docker-local', 'alpine', 'latest').manifest.digestHex,
      find('docker-local', 'alpine', '3.20.3').manifest.digestHex,
    );
  });

  test('ml/pytorch-cuda is exactly 5 GiB, larger than a 32-bit integer', () => {
    const pytorch = find('docker-local', 'ml/pytorch-cuda', '2.4');
    assert.equal(versionSize(pytorch.manifest), 5 * 2 ** 30);
    assert.ok(versionSize(pytorch.manifest) > 2 ** 31);
  });

  test('project other shares no layer with project demo', () => {
    const digests = (project: string): Set<string> =>
      new Set(
        REPOSITORIES.filter((repo) => repo.projectId === project)
          .flatMap((repo) =>
            repo.versions.flatMap((v) => (v.manifest.kind === 'image' ? v.manifest.layers : [])),
          )
          .map((layer) => layer.digest),
      );
    const demo = digests('demo');
    assert.ok([...digests('other')].every((digest) => !demo.has(digest)));
  });
});
