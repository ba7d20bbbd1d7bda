import { REGISTRY_DOMAIN, type PackageVersion, type Repository } from './fixtures.ts';
import { FLAVOURS, type FlavourBehaviour } from './flavours.ts';
import { compareLocalDateTime, formatJavaToString } from './localDateTime.ts';
import { versionSize } from './manifests.ts';

/*
 * Every body the fixtures can produce, serialized once at start-up, so that answering a request
 * costs a map lookup and a string concatenation: the demo is the floor of the benchmarks.
 */

/** The detail `data` as JSON text, or the config field bk-repo fails to read. */
export type PreparedDetail = { readonly dataJson: string } | { readonly missingParameter: string };

export interface PreparedTag {
  readonly tag: string;
  /** One `records[]` entry of `/ext/tag`, as JSON text. */
  readonly json: string;
}

export interface PreparedRepository {
  readonly repository: Repository;
  readonly flavour: FlavourBehaviour;
  /** By `packageKey`, then version name; the key must carry the scheme of the repository type. */
  readonly details: ReadonlyMap<string, ReadonlyMap<string, PreparedDetail>>;
  /** By image name, then tag or `sha256:<hex>`; values are the manifest as a JSON string literal. */
  readonly manifests: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By image name, newest first (bk-repo sorts by `createdDate` descending). */
  readonly tags: ReadonlyMap<string, readonly PreparedTag[]>;
}

/** Prepared repositories by project, then repository name. */
export type Catalog = ReadonlyMap<string, ReadonlyMap<string, PreparedRepository>>;

export function buildCatalog(repositories: readonly Repository[]): Catalog {
  const catalog = new Map<string, Map<string, PreparedRepository>>();
  for (const repository of repositories) {
    entry(catalog, repository.projectId).set(repository.name, prepareRepository(repository));
  }
  return catalog;
}

export function packageKeyOf(repository: Repository, imageName: string): string {
  return `${repository.type.toLowerCase()}://${imageName}`;
}

function prepareRepository(repository: Repository): PreparedRepository {
  const flavour = FLAVOURS[repository.flavour];
  const details = new Map<string, Map<string, PreparedDetail>>();
  const manifests = new Map<string, Map<string, string>>();
  const newestFirst = [...repository.versions].sort((a, b) =>
    compareLocalDateTime(b.createdDate, a.createdDate),
  );
  const tags = new Map<string, PreparedTag[]>();
  for (const version of newestFirst) {
    const outcome = flavour.detail(repository, version);
    const detail = 'data' in outcome ? { dataJson: JSON.stringify(outcome.data) } : outcome;
    entry(details, packageKeyOf(repository, version.imageName)).set(version.name, detail);

    // A manifest can also be fetched by its digest, even when no version carries that name.
    const manifestJson = JSON.stringify(version.manifest.json);
    const byReference = entry(manifests, version.imageName);
    byReference.set(version.name, manifestJson);
    const digestReference = `sha256:${version.manifest.digestHex}`;
    if (!byReference.has(digestReference)) byReference.set(digestReference, manifestJson);

    const imageTags = tags.get(version.imageName) ?? [];
    imageTags.push({ tag: version.name, json: tagRecord(repository, version) });
    tags.set(version.imageName, imageTags);
  }
  return { repository, flavour, details, manifests, tags };
}

function entry<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  const existing = map.get(key);
  if (existing) return existing;
  const created = new Map<string, V>();
  map.set(key, created);
  return created;
}

function tagRecord(repository: Repository, version: PackageVersion): string {
  return JSON.stringify({
    tag: version.name,
    // The tag list joins stage tags without a separator, unlike every other endpoint.
    stageTag: version.stageTag.join(''),
    size: versionSize(version.manifest),
    lastModifiedBy: version.lastModifiedBy,
    lastModifiedDate: formatJavaToString(version.lastModifiedDate),
    downloadCount: version.downloadCount,
    registryUrl: `${REGISTRY_DOMAIN}/${repository.projectId}/${repository.name}/${version.imageName}:${version.name}`,
  });
}
