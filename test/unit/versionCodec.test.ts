import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { manifestCodec, versionDetailCodec } from '../../src/cache/versionCodec.ts';
import type { Manifest, VersionDetail } from '../../src/domain/versionDetail.ts';

const LAYER = {
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  size: 3_623_807,
  digest: `sha256:${'a'.repeat(64)}`,
};

const DETAIL: VersionDetail = {
  basic: {
    version: 'latest',
    size: 5 * 2 ** 30,
    createdBy: 'ci-bot',
    createdDate: new Date('2024-09-07T06:20:11.482Z'),
    lastModifiedBy: 'ci-bot',
    lastModifiedDate: new Date('2024-10-01T00:00:00.000Z'),
    downloadCount: 48_213,
    sha256: 'b'.repeat(64),
    md5: null,
    domain: null,
    os: null,
    fullPath: '/alpine/manifest/latest/manifest.json',
    stageTag: ['@prerelease', '@release'],
    platform: ['linux/amd64'],
    federatedSource: null,
    projectId: 'demo',
    repoName: 'docker-local',
  },
  history: [
    {
      created: new Date('2024-09-06T22:12:34.000Z'),
      createdBy: '/bin/sh -c #(nop) ADD file:abc in / ',
      emptyLayer: false,
      instruction: 'ADD',
    },
    { created: null, createdBy: null, emptyLayer: true, instruction: null },
  ],
  metadata: [
    { key: 'docker.manifest', value: 'latest', system: true, description: null },
    // A string that looks like a date must stay a string.
    { key: 'scannedAt', value: '2024-09-07T06:20:11.482Z', system: null, description: 'when' },
    { key: 'nested', value: { a: [1, true, null] }, system: false, description: null },
  ],
  layers: null,
};

describe('versionDetailCodec', () => {
  test('round-trips a detail with its Date fields as Dates', () => {
    const decoded = versionDetailCodec.decode(versionDetailCodec.encode(DETAIL));
    assert.deepEqual(decoded, DETAIL);
    assert.ok(decoded?.basic.createdDate instanceof Date);
    assert.ok(decoded.history[0]?.created instanceof Date);
  });

  test('keeps date-like metadata values as strings', () => {
    const decoded = versionDetailCodec.decode(versionDetailCodec.encode(DETAIL));
    assert.equal(decoded?.metadata[1]?.value, '2024-09-07T06:20:11.482Z');
  });

  test('round-trips embedded layers and null dates', () => {
    const legacy: VersionDetail = {
      ...DETAIL,
      basic: { ...DETAIL.basic, createdDate: null, lastModifiedDate: null },
      history: [],
      layers: [LAYER],
    };
    assert.deepEqual(versionDetailCodec.decode(versionDetailCodec.encode(legacy)), legacy);
  });

  test('answers undefined for text it did not write, so the caller counts a miss', () => {
    for (const text of ['', 'not json', 'null', '[]', '{}', '{"basic":{},"history":{}}']) {
      assert.equal(versionDetailCodec.decode(text), undefined, text);
    }
  });
});

describe('manifestCodec', () => {
  test('round-trips an image manifest and an index', () => {
    const image: Manifest = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      layers: [LAYER],
      manifests: [],
    };
    const index: Manifest = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      layers: [],
      manifests: [
        { mediaType: null, digest: LAYER.digest, size: 1_234, platform: 'linux/arm64/v8' },
      ],
    };
    assert.deepEqual(manifestCodec.decode(manifestCodec.encode(image)), image);
    assert.deepEqual(manifestCodec.decode(manifestCodec.encode(index)), index);
  });

  test('answers undefined for text it did not write', () => {
    for (const text of ['', '{', '42', '{"layers":[]}']) {
      assert.equal(manifestCodec.decode(text), undefined, text);
    }
  });
});

describe('weigh', () => {
  test('grows with the content, so a 60-layer manifest weighs more than a 1-layer one', () => {
    const manifest = (layers: number): Manifest => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      layers: Array.from({ length: layers }, () => LAYER),
      manifests: [],
    });
    const small = manifestCodec.weigh(manifest(1));
    const large = manifestCodec.weigh(manifest(60));
    assert.ok(small >= 1024, `a fixed cost per entry: ${small}`);
    assert.ok(large > 10 * small, `${large} vs ${small}`);
    assert.ok(versionDetailCodec.weigh(DETAIL) > versionDetailCodec.encode(DETAIL).length);
  });
});
