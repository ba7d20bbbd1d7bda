/**
 * The gateway's own model of one image version, normalised from whichever response shape the
 * upstream sent. Resolvers read only this; upstream vocabulary stays in `src/upstream`.
 */
export interface VersionDetail {
  readonly basic: VersionBasic;
  readonly history: readonly HistoryStep[];
  readonly metadata: readonly MetadataEntry[];
  /** Embedded by the legacy docker service only; null means "read the manifest". */
  readonly layers: readonly Layer[] | null;
}

export interface VersionBasic {
  readonly version: string | null;
  readonly size: number | null;
  readonly createdBy: string | null;
  readonly createdDate: Date | null;
  readonly lastModifiedBy: string | null;
  readonly lastModifiedDate: Date | null;
  readonly downloadCount: number | null;
  readonly sha256: string | null;
  readonly md5: string | null;
  readonly domain: string | null;
  readonly os: string | null;
  readonly fullPath: string | null;
  readonly stageTag: readonly string[] | null;
  readonly platform: readonly string[] | null;
  readonly federatedSource: string | null;
  readonly projectId: string | null;
  readonly repoName: string | null;
}

export interface HistoryStep {
  readonly created: Date | null;
  readonly createdBy: string | null;
  /** Whether the step made no filesystem layer: as recorded, or inferred from the instruction. */
  readonly emptyLayer: boolean;
  /** The Dockerfile instruction, e.g. `RUN`; null when the command does not tell. */
  readonly instruction: string | null;
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: unknown;
  readonly system: boolean | null;
  readonly description: string | null;
}

export interface Layer {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
}

/** What the manifest endpoint tells: the layers of an image, or the entries of an index. */
export interface Manifest {
  readonly mediaType: string | null;
  readonly layers: readonly Layer[];
  /** Child manifests of a multi-arch index; empty for a single image. */
  readonly manifests: readonly ManifestReference[];
}

export interface ManifestReference {
  readonly mediaType: string | null;
  readonly digest: string;
  readonly size: number;
  readonly platform: string | null;
}
