import {
  alpineImage,
  backendApiImage,
  debianToolImage,
  distrolessImage,
  helloWorldImage,
  nginxIndex,
  pytorchCudaImage,
  redisChart,
  simpleImage,
} from './images.ts';
import { localDateTime, type LocalDateTime } from './localDateTime.ts';
import type { ImageIndex, StoredManifest } from './manifests.ts';

/**
 * The bk-repo generation a repository's backend runs. It decides the detail shape, the error
 * format and whether `X-BKREPO-Time-Zone` is sent:
 * - `current`: upstream HEAD (release-3.6+);
 * - `cpack`: the CPack fork, current shape without `federatedSource`, registry-style string codes;
 * - `pre31`: upstream before release-3.1, no platform or history, every error a registry-style 400;
 * - `legacyMap`: the legacy docker service as the seed API document shows it;
 * - `legacyList`: the legacy docker service after 2022-07 (`dockerDomain`, metadata list).
 */
export type Flavour = 'current' | 'cpack' | 'pre31' | 'legacyMap' | 'legacyList';

export type MetadataValue = string | number | boolean;

/** One package version: a tag, or `sha256:<hex>` for a multi-arch child pushed by digest. */
export interface PackageVersion {
  /** The image name inside the repository, e.g. `library/nginx`. */
  readonly imageName: string;
  readonly name: string;
  readonly manifest: StoredManifest;
  readonly stageTag: readonly string[];
  readonly createdBy: string;
  readonly createdDate: LocalDateTime;
  readonly lastModifiedBy: string;
  readonly lastModifiedDate: LocalDateTime;
  readonly downloadCount: number;
  /** Metadata added by features other than the push, such as scanning. */
  readonly extraMetadata: Readonly<Record<string, MetadataValue>>;
}

export interface Repository {
  readonly projectId: string;
  readonly name: string;
  /** Decides the `packageKey` scheme: `docker://` or `oci://`. */
  readonly type: 'DOCKER' | 'OCI';
  readonly flavour: Flavour;
  readonly versions: readonly PackageVersion[];
}

/** What `/ext/addr` answers and what legacy details call `domain`. */
export const REGISTRY_DOMAIN = 'bkrepo.example.com';

interface VersionInput {
  /** Local +08:00 time, `yyyy-MM-ddTHH:mm:ss[.fraction]`. */
  readonly pushedAt: string;
  readonly pushedBy?: string;
  /** Defaults to the push. */
  readonly modifiedAt?: string;
  readonly modifiedBy?: string;
  readonly downloads?: number;
  readonly stageTag?: readonly string[];
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
}

function version(
  imageName: string,
  name: string,
  manifest: StoredManifest,
  input: VersionInput,
): PackageVersion {
  const pushedBy = input.pushedBy ?? 'ci-bot';
  return {
    imageName,
    name,
    manifest,
    stageTag: input.stageTag ?? [],
    createdBy: pushedBy,
    createdDate: localDateTime(input.pushedAt),
    lastModifiedBy: input.modifiedBy ?? pushedBy,
    lastModifiedDate: localDateTime(input.modifiedAt ?? input.pushedAt),
    downloadCount: input.downloads ?? 0,
    extraMetadata: input.metadata ?? {},
  };
}

/** A multi-arch tag plus its children, each its own version named by digest, pushed just before. */
function multiArch(
  imageName: string,
  tag: string,
  index: ImageIndex,
  input: VersionInput,
): PackageVersion[] {
  const children = index.children.map((child, position) =>
    version(imageName, `sha256:${child.digestHex}`, child, {
      pushedAt: plusSeconds(input.pushedAt, position - index.children.length),
      pushedBy: input.pushedBy ?? 'ci-bot',
    }),
  );
  return [version(imageName, tag, index, input), ...children];
}

/** Shifts a local time by whole seconds and keeps its fraction digits as written. */
function plusSeconds(text: string, seconds: number): string {
  const [whole = '', fraction] = text.split('.');
  const shifted = new Date(Date.parse(`${whole}Z`) + seconds * 1000).toISOString().slice(0, 19);
  return fraction === undefined ? shifted : `${shifted}.${fraction}`;
}

interface AlpineRelease {
  readonly release: string;
  readonly pushedAt: string;
  /** Tags that point at the same manifest, pushed one second apart right after the release. */
  readonly aliases?: readonly string[];
}

// Times vary the fraction on purpose (none, 1 to 9 digits) and `edge` is modified on a whole
// minute, so both of bk-repo's date formats show every form they can take.
const ALPINE_RELEASES: readonly AlpineRelease[] = [
  { release: 'edge', pushedAt: '2024-09-24T12:00:00.5', aliases: ['20240923'] },
  { release: '3.20.3', pushedAt: '2024-09-07T06:20:11.482', aliases: ['3.20', '3', 'latest'] },
  { release: '3.19.4', pushedAt: '2024-09-07T06:18:52.12', aliases: ['3.19'] },
  { release: '3.18.9', pushedAt: '2024-09-07T06:17:30', aliases: ['3.18'] },
  { release: '3.17.10', pushedAt: '2024-09-07T06:16:02.000123', aliases: ['3.17'] },
  { release: '3.20.2', pushedAt: '2024-07-23T03:11:45.123456789' },
  { release: '3.19.3', pushedAt: '2024-07-23T03:10:05.9' },
  { release: '3.18.8', pushedAt: '2024-07-23T03:08:41.77' },
  { release: '3.17.9', pushedAt: '2024-07-23T03:07:19.301' },
  { release: '3.20.1', pushedAt: '2024-06-21T01:02:03' },
  { release: '3.19.2', pushedAt: '2024-06-21T01:00:40.25' },
  { release: '3.18.7', pushedAt: '2024-06-21T00:59:12.6' },
  { release: '3.17.8', pushedAt: '2024-06-21T00:58:00' },
  { release: '3.20.0', pushedAt: '2024-05-23T09:41:27.335' },
  { release: '3.19.1', pushedAt: '2024-01-27T15:30:00.04' },
  { release: '3.18.6', pushedAt: '2024-01-27T15:28:44.1' },
  { release: '3.16.9', pushedAt: '2024-01-27T15:27:09.55', aliases: ['3.16'] },
  { release: '3.19.0', pushedAt: '2023-12-08T02:44:16.2' },
  { release: '3.18.5', pushedAt: '2023-12-01T10:05:33.891' },
  { release: '3.15.11', pushedAt: '2023-11-30T22:14:07.05', aliases: ['3.15'] },
  { release: '3.18.4', pushedAt: '2023-09-28T18:20:11.7' },
  { release: '3.14.10', pushedAt: '2023-04-04T11:30:45', aliases: ['3.14'] },
];

// Per-tag extras: stage tags, scan results, and a download count big enough to look real.
const ALPINE_EXTRAS: Readonly<Record<string, Partial<VersionInput>>> = {
  latest: {
    downloads: 48_213,
    stageTag: ['@prerelease', '@release'],
    metadata: { scanStatus: 'SUCCESS', qualityRedLine: true },
  },
  '3.20': { downloads: 9_120, metadata: { scanStatus: 'SUCCESS' } },
  '3.20.3': { downloads: 1_377, stageTag: ['@release'], metadata: { scanStatus: 'SUCCESS' } },
  edge: { modifiedAt: '2024-10-01T08:00:00', modifiedBy: 'mirror-bot', downloads: 12 },
  '3.17.9': { metadata: { scanStatus: 'UN_QUALITY', qualityRedLine: false } },
};

function alpineVersions(): PackageVersion[] {
  return ALPINE_RELEASES.flatMap(({ release, pushedAt, aliases = [] }, position) => {
    const manifest = alpineImage(release, `${pushedAt.slice(0, 10)}T00:12:34Z`);
    return [release, ...aliases].map((tag, offset) =>
      version('alpine', tag, manifest, {
        pushedAt: plusSeconds(pushedAt, offset),
        pushedBy: 'mirror-bot',
        downloads: (position * 37 + offset * 11) % 400,
        ...ALPINE_EXTRAS[tag],
      }),
    );
  });
}

const NGINX_1_27: VersionInput = {
  pushedAt: '2024-10-03T02:30:19.9',
  downloads: 311,
  metadata: { scanStatus: 'SUCCESS' },
};

const demoDockerLocal: Repository = {
  projectId: 'demo',
  name: 'docker-local',
  type: 'DOCKER',
  flavour: 'current',
  versions: [
    ...alpineVersions(),
    ...multiArch('library/nginx', '1.27', nginxIndex(), NGINX_1_27),
    version('team/backend/api', 'v2.3.1', backendApiImage('v2.3.1', '2024-10-08T08:40:12.5Z'), {
      pushedAt: '2024-10-08T16:45:09.8812',
      modifiedAt: '2024-10-09T10:00:41.07',
      modifiedBy: 'release-bot',
      downloads: 57,
      stageTag: ['@prerelease'],
      metadata: { scanStatus: 'SUCCESS', qualityRedLine: true },
    }),
    version('team/backend/api', 'v2.3.0', backendApiImage('v2.3.0', '2024-09-30T02:58:31.25Z'), {
      pushedAt: '2024-09-30T11:02:57.4',
      downloads: 203,
      stageTag: ['@prerelease', '@release'],
      metadata: { scanStatus: 'SUCCESS', qualityRedLine: true },
    }),
    version('ml/pytorch-cuda', '2.4', pytorchCudaImage(), {
      pushedAt: '2024-07-26T09:15:42.6',
      pushedBy: 'ml-platform',
      downloads: 1_024,
    }),
  ],
};

const demoOciLocal: Repository = {
  projectId: 'demo',
  name: 'oci-local',
  type: 'OCI',
  flavour: 'current',
  versions: [
    version('base/distroless', 'nonroot', distrolessImage(), {
      pushedAt: '2024-08-14T20:31:05.233',
      downloads: 88,
    }),
    version('charts/redis', '19.0.0', redisChart(), { pushedAt: '2024-03-29T14:03:26.71' }),
  ],
};

const demoLegacy: Repository = {
  projectId: 'demo',
  name: 'legacy',
  type: 'DOCKER',
  flavour: 'legacyMap',
  versions: [
    // The seed API document's example, value for value (its created date is after the modified one).
    version('hello-world', 'v1', helloWorldImage(), {
      pushedAt: '2020-09-17T03:48:42.896',
      pushedBy: 'owen',
      modifiedAt: '2020-09-10T14:49:37.904',
      modifiedBy: 'admin',
    }),
    version(
      'busybox',
      '1.31.1',
      simpleImage('busybox-1.31.1', '2020-06-02T21:19:57.5Z', 764_619, '["sh"]'),
      { pushedAt: '2020-10-12T09:30:11.204', pushedBy: 'owen', downloads: 6 },
    ),
  ],
};

const demoLegacyList: Repository = {
  projectId: 'demo',
  name: 'legacy-list',
  type: 'DOCKER',
  flavour: 'legacyList',
  versions: [
    version(
      'redis',
      '7.0.4',
      simpleImage('redis-7.0.4', '2022-07-19T04:11:36.3Z', 31_379_476, '["redis-server"]'),
      { pushedAt: '2022-08-10T17:22:05.019', downloads: 42, stageTag: ['@release'] },
    ),
    version('alpine', '3.16', alpineImage('3.16.1', '2022-07-19T00:12:34Z'), {
      pushedAt: '2022-08-10T17:20:48.7',
      downloads: 3,
    }),
  ],
};

const demoPre31: Repository = {
  projectId: 'demo',
  name: 'pre31',
  type: 'DOCKER',
  flavour: 'pre31',
  versions: [
    version('alpine', '3.19', alpineImage('3.19.4', '2024-09-07T00:12:34Z'), {
      pushedAt: '2024-09-07T06:18:53.12',
      pushedBy: 'mirror-bot',
      downloads: 5,
    }),
    ...multiArch('library/nginx', '1.27', nginxIndex(), NGINX_1_27),
  ],
};

const demoCpack: Repository = {
  projectId: 'demo',
  name: 'cpack',
  type: 'DOCKER',
  flavour: 'cpack',
  versions: [
    ...alpineVersions().filter((entry) => entry.name === 'latest' || entry.name === '3.20'),
    // Its attestation child has no config history: the CPack fork fails on it (issue #3649).
    ...multiArch('library/nginx', '1.27', nginxIndex(), NGINX_1_27),
  ],
};

const demoPrivate: Repository = {
  projectId: 'demo',
  name: 'private',
  type: 'DOCKER',
  flavour: 'current',
  versions: [
    version(
      'secret/app',
      '1.0',
      simpleImage('secret-app-1.0', '2024-10-11T01:00:00Z', 12_582_912, '["/app"]'),
      { pushedAt: '2024-10-11T09:05:17.32', pushedBy: 'admin', stageTag: ['@release'] },
    ),
  ],
};

const otherDockerLocal: Repository = {
  projectId: 'other',
  name: 'docker-local',
  type: 'DOCKER',
  flavour: 'current',
  versions: [
    version('tools/jq', '1.7.1', debianToolImage('jq', '1.7.1', '2024-08-02T07:45:00Z'), {
      pushedAt: '2024-08-02T15:50:26.44',
      pushedBy: 'other-ci',
      downloads: 19,
    }),
    version('tools/curl', '8.10.1', debianToolImage('curl', '8.10.1', '2024-09-18T03:12:00Z'), {
      pushedAt: '2024-09-18T11:20:02.3',
      pushedBy: 'other-ci',
      downloads: 7,
    }),
    version('tools/curl', '8.9.1', debianToolImage('curl', '8.9.1', '2024-07-31T05:40:00Z'), {
      pushedAt: '2024-07-31T13:44:59.999',
      pushedBy: 'other-ci',
      downloads: 33,
    }),
  ],
};

/** How many builds `demo/ci-builds` holds: enough for a dashboard of 500 distinct versions. */
export const CI_BUILD_COUNT = 600;

/**
 * A pipeline that pushes one tag per build, `build-1` to `build-600`, one a day before 2024-10-12:
 * hundreds of versions of one image, for dashboards and for paging through a long tag list.
 */
const demoCiBuilds: Repository = {
  projectId: 'demo',
  name: 'ci-builds',
  type: 'DOCKER',
  flavour: 'current',
  versions: Array.from({ length: CI_BUILD_COUNT }, (_, index) => {
    const build = index + 1;
    const pushedAt = plusSeconds('2024-10-12T10:00:00', (build - CI_BUILD_COUNT) * 86_400);
    const manifest = simpleImage(
      `ci-app-build-${build}`,
      `${pushedAt.slice(0, 10)}T01:00:00Z`,
      8_000_000 + build * 1_024,
      '["/app/server"]',
    );
    return version('team/ci-app', `build-${build}`, manifest, {
      pushedAt,
      downloads: build % 17,
      stageTag: build % 10 === 0 ? ['@release'] : [],
    });
  }),
};

export const REPOSITORIES: readonly Repository[] = [
  demoDockerLocal,
  demoOciLocal,
  demoLegacy,
  demoLegacyList,
  demoPre31,
  demoCpack,
  demoPrivate,
  demoCiBuilds,
  otherDockerLocal,
];
