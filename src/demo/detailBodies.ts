import {
  REGISTRY_DOMAIN,
  type MetadataValue,
  type PackageVersion,
  type Repository,
} from './fixtures.ts';
import { formatIsoDateTime, formatSeedDate } from './localDateTime.ts';
import {
  platformOf,
  sha256Hex,
  versionSize,
  type HistoryEntry,
  type ImageManifest,
  type StoredManifest,
} from './manifests.ts';

/*
 * The `data` of `/ext/version/detail` in each shape bk-repo has used (see the upstream reference,
 * sections 2.3 and 2.4). Key order follows the upstream DTOs.
 */

/**
 * The detail data, or the image-config field whose absence makes bk-repo fail the call with
 * 400 `Parameter [...] is missing`. `null` data is the legacy service's answer to any failure.
 */
export type DetailOutcome =
  { readonly data: object | null } | { readonly missingParameter: string };

/** Upstream HEAD: platform, history and `federatedSource`; metadata as a list. */
export function currentDetail(repo: Repository, version: PackageVersion): DetailOutcome {
  const info = manifestInfo(version.manifest, false);
  if ('missingParameter' in info) return info;
  return {
    data: {
      basic: { ...nodeBasic(repo, version), platform: info.platform, federatedSource: null },
      metadata: pushMetadata(version).map(([key, value]) => ({
        key,
        value,
        system: true,
        description: null,
        link: null,
        color: null,
      })),
      history: info.history,
    },
  };
}

/** The CPack fork: no `federatedSource`, `display` in metadata, and config history required. */
export function cpackDetail(repo: Repository, version: PackageVersion): DetailOutcome {
  const info = manifestInfo(version.manifest, true);
  if ('missingParameter' in info) return info;
  return {
    data: {
      basic: { ...nodeBasic(repo, version), platform: info.platform },
      metadata: pushMetadata(version).map(([key, value]) => ({
        key,
        value,
        system: true,
        description: null,
        display: null,
      })),
      history: info.history,
    },
  };
}

/** Before release-3.1 the config was never read: no platform and no `history` key at all. */
export function pre31Detail(repo: Repository, version: PackageVersion): DetailOutcome {
  return {
    data: {
      basic: nodeBasic(repo, version),
      metadata: pushMetadata(version).map(([key, value]) => plainMetadata(key, value)),
    },
  };
}

/** The legacy docker service as the seed API document shows it: metadata map, layers embedded. */
export function legacyMapDetail(version: PackageVersion): DetailOutcome {
  const image = version.manifest;
  if (image.kind === 'index') return { data: null };
  return {
    data: {
      basic: {
        domain: REGISTRY_DOMAIN,
        size: versionSize(image),
        version: version.name,
        createdBy: version.createdBy,
        createdDate: formatSeedDate(version.createdDate),
        lastModifiedBy: version.lastModifiedBy,
        lastModifiedDate: formatIsoDateTime(version.lastModifiedDate),
        downloadCount: version.downloadCount,
        sha256: configDigestHex(image),
        os: image.config.os ?? null,
      },
      history: historyOf(image.config.history),
      metadata: Object.fromEntries(legacyMetadata(version)),
      layers: image.layers,
    },
  };
}

/** The legacy docker service after 2022-07: `dockerDomain`, `stageTag`, metadata as a list. */
export function legacyListDetail(version: PackageVersion): DetailOutcome {
  const image = version.manifest;
  if (image.kind === 'index') return { data: null };
  return {
    data: {
      basic: {
        size: versionSize(image),
        createdDate: formatIsoDateTime(version.createdDate),
        createdBy: version.createdBy,
        version: version.name,
        dockerDomain: REGISTRY_DOMAIN,
        lastModifiedBy: version.lastModifiedBy,
        lastModifiedDate: formatIsoDateTime(version.lastModifiedDate),
        downloadCount: version.downloadCount,
        stageTag: version.stageTag,
        sha256: configDigestHex(image),
        os: image.config.os ?? null,
      },
      history: historyOf(image.config.history),
      metadata: legacyMetadata(version).map(([key, value]) => plainMetadata(key, value)),
      layers: image.layers,
    },
  };
}

/** The basic fields the OCI service takes from the manifest node and the package version. */
function nodeBasic(repo: Repository, version: PackageVersion): Record<string, unknown> {
  const { manifest } = version;
  const file = manifest.kind === 'index' ? 'list.manifest.json' : 'manifest.json';
  return {
    version: version.name,
    fullPath: `/${version.imageName}/manifest/${version.name}/${file}`,
    size: versionSize(manifest),
    sha256: manifest.digestHex,
    md5: sha256Hex(`md5:${manifest.digestHex}`).slice(0, 32),
    stageTag: version.stageTag,
    projectId: repo.projectId,
    repoName: repo.name,
    downloadCount: version.downloadCount,
    createdBy: version.createdBy,
    createdDate: formatIsoDateTime(version.createdDate),
    lastModifiedBy: version.lastModifiedBy,
    lastModifiedDate: formatIsoDateTime(version.lastModifiedDate),
  };
}

interface ManifestInfo {
  readonly platform: readonly string[];
  readonly history: readonly object[];
}

/**
 * What release-3.1+ reads from the manifest: one platform per index entry (and no history), or
 * the platform and history of a single image's config. The config parse fails on a missing
 * field the way Jackson reports it, in constructor order.
 */
function manifestInfo(
  manifest: StoredManifest,
  historyRequired: boolean,
): ManifestInfo | { readonly missingParameter: string } {
  if (manifest.kind === 'index') {
    return { platform: manifest.children.map((child) => platformOf(child.config)), history: [] };
  }
  const { config } = manifest;
  if (config.architecture === undefined) return { missingParameter: 'architecture' };
  if (historyRequired && config.history === undefined) return { missingParameter: 'history' };
  if (config.os === undefined) return { missingParameter: 'os' };
  return { platform: [platformOf(config)], history: historyOf(config.history) };
}

/** bk-repo keeps only `created` and `created_by` of each config history entry. */
function historyOf(history: readonly HistoryEntry[] | undefined): object[] {
  return (history ?? []).map(({ created, created_by }) => ({ created, created_by }));
}

/** The metadata the OCI push path writes (note the upstream's `manfiest` typo), then extras. */
function pushMetadata(version: PackageVersion): [string, MetadataValue][] {
  const digest = `sha256:${version.manifest.digestHex}`;
  return [
    ['docker.manifest', version.name],
    ['sha256', version.manifest.digestHex],
    ['docker.repoName', version.imageName],
    ['docker.manfiest.digest', digest],
    ['docker.manifest.type', version.manifest.mediaType],
    ['manifest_digest', digest],
    ...Object.entries(version.extraMetadata),
  ];
}

/** The node metadata the legacy docker service wrote. */
function legacyMetadata(version: PackageVersion): [string, MetadataValue][] {
  return [
    ['docker.manifest', version.name],
    ['sha256', version.manifest.digestHex],
    ['docker.repoName', version.imageName],
    ['docker.manifest.digest', `sha256:${version.manifest.digestHex}`],
    ['docker.manifest.type', version.manifest.mediaType],
    ...Object.entries(version.extraMetadata),
  ];
}

function plainMetadata(key: string, value: MetadataValue): object {
  return { key, value, system: true, description: null };
}

/** The legacy `basic.sha256`: the config digest (the image ID), not the manifest digest. */
function configDigestHex(image: ImageManifest): string {
  return image.config.descriptor.digest.replace(/^sha256:/, '');
}
