import { createHash } from 'node:crypto';

export const MEDIA_TYPE = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  helmConfig: 'application/vnd.cncf.helm.config.v1+json',
  helmChart: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

/** A content descriptor as it appears inside manifests; `digest` is `sha256:<hex>`. */
export interface Descriptor {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
}

/** One entry of an image config's `history`; bk-repo passes `created` through verbatim. */
export interface HistoryEntry {
  readonly created: string;
  readonly created_by: string;
  readonly empty_layer?: true;
}

/** What bk-repo reads from a config blob. The blob itself is never served by the demo. */
export interface ImageConfig {
  readonly descriptor: Descriptor;
  // Absent for non-image artifacts (Helm charts), which makes bk-repo's config parsing fail.
  readonly os?: string;
  readonly architecture?: string;
  readonly variant?: string;
  // Absent for BuildKit attestations, which the CPack fork cannot parse (bk-repo issue #3649).
  readonly history?: readonly HistoryEntry[];
}

interface StoredDocument {
  readonly mediaType: string;
  /** The stored manifest exactly as pushed; `/ext/manifest` returns it as a string. */
  readonly json: string;
  /** sha256 of `json`, hex without the `sha256:` prefix, like bk-repo's node `sha256`. */
  readonly digestHex: string;
}

export interface ImageManifest extends StoredDocument {
  readonly kind: 'image';
  readonly config: ImageConfig;
  readonly layers: readonly Descriptor[];
}

/** A multi-arch OCI index (or Docker manifest list); bk-repo stores it as `list.manifest.json`. */
export interface ImageIndex extends StoredDocument {
  readonly kind: 'index';
  readonly children: readonly ImageManifest[];
}

export type StoredManifest = ImageManifest | ImageIndex;

/** Deterministic, valid-looking digests: the sha256 of a label or of a document. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function blob(label: string, size: number, mediaType: string): Descriptor {
  return { mediaType, size, digest: `sha256:${sha256Hex(label)}` };
}

/** One Dockerfile instruction; instructions without a layer are `empty_layer` in the history. */
export interface BuildStep {
  readonly createdBy: string;
  readonly layer?: Descriptor;
}

/** Turns build steps into a config history and the matching layer list, one second apart. */
export function build(
  startedAt: string,
  steps: readonly BuildStep[],
): { history: HistoryEntry[]; layers: Descriptor[] } {
  const start = Date.parse(startedAt);
  const history: HistoryEntry[] = [];
  const layers: Descriptor[] = [];
  steps.forEach((step, index) => {
    const created = new Date(start + index * 1000).toISOString();
    if (step.layer) {
      layers.push(step.layer);
      history.push({ created, created_by: step.createdBy });
    } else {
      history.push({ created, created_by: step.createdBy, empty_layer: true });
    }
  });
  return { history, layers };
}

export interface ImageManifestInput {
  /** `docker`: a Docker v2 manifest, 3-space indented as the docker CLI writes it; `oci`: compact OCI. */
  readonly format: 'docker' | 'oci';
  readonly config: ImageConfig;
  readonly layers: readonly Descriptor[];
}

export function imageManifest(input: ImageManifestInput): ImageManifest {
  const mediaType = input.format === 'docker' ? MEDIA_TYPE.dockerManifest : MEDIA_TYPE.ociManifest;
  const document = {
    schemaVersion: 2,
    mediaType,
    config: input.config.descriptor,
    layers: input.layers,
  };
  const json =
    input.format === 'docker' ? JSON.stringify(document, null, 3) : JSON.stringify(document);
  return {
    kind: 'image',
    mediaType,
    json,
    digestHex: sha256Hex(json),
    config: input.config,
    layers: input.layers,
  };
}

/**
 * An OCI index as `docker buildx --push` writes it: one entry per platform image, then the
 * BuildKit attestations (`unknown/unknown`), where `attestations[i]` attests `images[i]`.
 */
export function imageIndex(
  images: readonly ImageManifest[],
  attestations: readonly ImageManifest[] = [],
): ImageIndex {
  const entries = [
    ...images.map((image) => ({ ...descriptorOf(image), platform: platformObject(image.config) })),
    ...attestations.map((attestation, index) => ({
      ...descriptorOf(attestation),
      annotations: {
        'vnd.docker.reference.digest': `sha256:${images[index]?.digestHex ?? ''}`,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: platformObject(attestation.config),
    })),
  ];
  const json = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociIndex,
    manifests: entries,
  });
  return {
    kind: 'index',
    mediaType: MEDIA_TYPE.ociIndex,
    json,
    digestHex: sha256Hex(json),
    children: [...images, ...attestations],
  };
}

/** `os/architecture[/variant]`, bk-repo's platform string. */
export function platformOf(config: ImageConfig): string {
  const { os, architecture, variant } = platformObject(config);
  return variant ? `${os}/${architecture}/${variant}` : `${os}/${architecture}`;
}

/**
 * bk-repo's package-version size: config plus layers for an image, but only the index JSON's
 * own length for a multi-arch index.
 */
export function versionSize(manifest: StoredManifest): number {
  if (manifest.kind === 'index') return Buffer.byteLength(manifest.json);
  return manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.descriptor.size);
}

function descriptorOf(manifest: StoredDocument): Descriptor {
  return {
    mediaType: manifest.mediaType,
    size: Buffer.byteLength(manifest.json),
    digest: `sha256:${manifest.digestHex}`,
  };
}

interface Platform {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string;
}

function platformObject(config: ImageConfig): Platform {
  const platform = { architecture: config.architecture ?? 'unknown', os: config.os ?? 'unknown' };
  return config.variant ? { ...platform, variant: config.variant } : platform;
}
