import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { manifestDigest, manifestMediaType } from '../../src/domain/manifestFacts.ts';
import { parsePlatforms } from '../../src/domain/platforms.ts';
import { parseTimeZone, UTC } from '../../src/domain/timeZone.ts';
import { GatewayError, VersionNotFoundError } from '../../src/errors/GatewayError.ts';
import { decodeManifest } from '../../src/upstream/decodeManifest.ts';
import { decodeVersionDetail } from '../../src/upstream/decodeVersionDetail.ts';

const hex = (char: string) => char.repeat(64);
const plus8 = parseTimeZone('+0800') ?? UTC;

// The seed document's example: the legacy docker service's shape.
const seedShape = {
  basic: {
    domain: 'bkrepo.example.com',
    size: 2487,
    version: 'v1',
    createdBy: 'owen',
    createdDate: '2020-09-17 03:48:42.896Z',
    lastModifiedBy: 'admin',
    lastModifiedDate: '2020-09-10T14:49:37.904',
    downloadCount: 0,
    sha256: hex('f'),
    os: 'linux',
  },
  history: [
    {
      created: '2019-01-01T01:29:27.416803627Z',
      created_by: '/bin/sh -c #(nop) COPY file:f7 in / ',
    },
    { created: '2019-01-01T01:29:27.650294696Z', created_by: '/bin/sh -c #(nop)  CMD ["/hello"]' },
  ],
  metadata: {
    'docker.manifest': 'v1',
    'docker.manifest.digest': `sha256:${hex('9')}`,
    'docker.manifest.type': 'application/vnd.docker.distribution.manifest.v2+json',
  },
  layers: [
    {
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      size: 977,
      digest: `sha256:${hex('1')}`,
    },
  ],
};

// Upstream HEAD (release 3.6+).
const currentShape = {
  basic: {
    version: 'latest',
    fullPath: '/alpine/manifest/latest/manifest.json',
    size: 5 * 1024 ** 3,
    sha256: hex('a'),
    md5: 'd41d8cd98f00b204e9800998ecf8427e',
    stageTag: ['@prerelease', '@release'],
    projectId: 'demo',
    repoName: 'docker-local',
    downloadCount: 3_000_000_000,
    createdBy: 'ci',
    createdDate: '2024-05-01T10:20:30.123',
    lastModifiedBy: 'ci',
    lastModifiedDate: '2024-05-01T10:20:30',
    platform: ['linux/amd64', 'linux/arm64/v8', 'unknown/unknown'],
    federatedSource: null,
  },
  metadata: [
    { key: 'docker.manfiest.digest', value: `sha256:${hex('a')}`, system: true, description: null },
    {
      key: 'docker.manifest.type',
      value: 'application/vnd.oci.image.index.v1+json',
      system: true,
      description: null,
    },
    { key: 'scan', value: { critical: 0 }, system: false, description: 'scan result', link: null },
  ],
  history: [],
};

describe('decodeVersionDetail', () => {
  test('reads the seed shape: metadata map, embedded layers, legacy basic fields', () => {
    const detail = decodeVersionDetail({ data: seedShape, traceId: undefined }, plus8);
    assert.equal(detail.basic.domain, 'bkrepo.example.com');
    assert.equal(detail.basic.os, 'linux');
    assert.equal(detail.basic.createdDate?.toISOString(), '2020-09-17T03:48:42.896Z');
    // Zone-less: read in the upstream zone (+08:00).
    assert.equal(detail.basic.lastModifiedDate?.toISOString(), '2020-09-10T06:49:37.904Z');
    assert.equal(detail.layers?.length, 1);
    assert.deepEqual(
      detail.metadata.map((entry) => [entry.key, entry.system]),
      [
        ['docker.manifest', null],
        ['docker.manifest.digest', null],
        ['docker.manifest.type', null],
      ],
    );
    assert.deepEqual(
      detail.history.map((step) => [step.instruction, step.emptyLayer]),
      [
        ['COPY', false],
        ['CMD', true],
      ],
    );
    assert.equal(manifestDigest(detail), `sha256:${hex('9')}`);
    assert.deepEqual(parsePlatforms(detail.basic.platform, detail.basic.os), [
      { os: 'linux', architecture: null, variant: null },
    ]);
  });

  test('reads the current shape: metadata list, platforms, sizes past 2^31, no layers', () => {
    const detail = decodeVersionDetail({ data: currentShape, traceId: 't' }, plus8);
    assert.equal(detail.basic.size, 5 * 1024 ** 3);
    assert.equal(detail.basic.downloadCount, 3_000_000_000);
    assert.equal(detail.basic.createdDate?.toISOString(), '2024-05-01T02:20:30.123Z');
    assert.deepEqual(detail.basic.stageTag, ['@prerelease', '@release']);
    assert.equal(detail.layers, null);
    assert.equal(detail.metadata[2]?.description, 'scan result');
    assert.deepEqual(detail.metadata[2]?.value, { critical: 0 });
    assert.equal(manifestDigest(detail), `sha256:${hex('a')}`);
    assert.equal(manifestMediaType(detail), 'application/vnd.oci.image.index.v1+json');
    assert.deepEqual(parsePlatforms(detail.basic.platform, detail.basic.os), [
      { os: 'linux', architecture: 'amd64', variant: null },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'unknown', architecture: 'unknown', variant: null },
    ]);
  });

  test('reads the pre-3.1 shape, which has no history key', () => {
    const { history, ...withoutHistory } = currentShape;
    assert.deepEqual(history, []);
    const detail = decodeVersionDetail({ data: withoutHistory, traceId: undefined }, UTC);
    assert.deepEqual(detail.history, []);
  });

  test('reads the legacy list shape with dockerDomain and concatenated stage tags', () => {
    const detail = decodeVersionDetail(
      {
        data: {
          basic: {
            dockerDomain: 'registry.example.com',
            stageTag: '@prerelease@release',
            version: 'v1',
          },
          metadata: [],
          layers: [],
        },
        traceId: undefined,
      },
      UTC,
    );
    assert.equal(detail.basic.domain, 'registry.example.com');
    assert.deepEqual(detail.basic.stageTag, ['@prerelease', '@release']);
  });

  test('falls back to basic.sha256 for the digest only on current releases', () => {
    const current = decodeVersionDetail(
      { data: { ...currentShape, metadata: [] }, traceId: undefined },
      UTC,
    );
    assert.equal(manifestDigest(current), `sha256:${hex('a')}`);
    const legacy = decodeVersionDetail(
      { data: { ...seedShape, metadata: {} }, traceId: undefined },
      UTC,
    );
    assert.equal(manifestDigest(legacy), null, 'the legacy sha256 is the config digest');
  });

  test('turns the legacy "code 0, data null" failure into VersionNotFoundError', () => {
    assert.throws(
      () => decodeVersionDetail({ data: null, traceId: undefined }, UTC),
      VersionNotFoundError,
    );
  });

  test('rejects bodies that fit no shape with UPSTREAM_CONTRACT', () => {
    for (const data of [
      { unexpected: true },
      { basic: { size: '12' } },
      { basic: {}, layers: [{}] },
      'text',
    ]) {
      assert.throws(
        () => decodeVersionDetail({ data, traceId: 't' }, UTC),
        (error: unknown) => error instanceof GatewayError && error.code === 'UPSTREAM_CONTRACT',
      );
    }
  });
});

describe('decodeManifest', () => {
  test('reads the layers of an image manifest sent as a JSON string', () => {
    const manifest = decodeManifest({
      data: JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'x', size: 1, digest: `sha256:${hex('c')}` },
        layers: [
          {
            mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
            size: 10,
            digest: `sha256:${hex('d')}`,
          },
        ],
      }),
      traceId: undefined,
    });
    assert.equal(manifest.layers.length, 1);
    assert.deepEqual(manifest.manifests, []);
  });

  test('reads the entries of an index, with their platforms', () => {
    const manifest = decodeManifest({
      data: JSON.stringify({
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            digest: `sha256:${hex('e')}`,
            size: 5,
            platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
          },
        ],
      }),
      traceId: undefined,
    });
    assert.deepEqual(manifest.layers, []);
    assert.equal(manifest.manifests[0]?.platform, 'linux/arm64/v8');
  });

  test('rejects a manifest that is not JSON with UPSTREAM_CONTRACT', () => {
    assert.throws(
      () => decodeManifest({ data: '{not json', traceId: undefined }),
      (error: unknown) => error instanceof GatewayError && error.code === 'UPSTREAM_CONTRACT',
    );
  });
});
