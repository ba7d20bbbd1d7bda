import { z } from 'zod';

/*
 * Runtime schemas of what bk-repo sends, in its own vocabulary. Every shape it has used is accepted
 * (see README "Upstream compatibility"); anything else fails decoding and becomes UPSTREAM_CONTRACT.
 * Objects are loose: unknown extra keys are ignored, so new upstream fields never break the gateway.
 */

const nullableString = z.string().nullish();
const count = z.number().int().nonnegative();
const upstreamCode = z.union([z.number(), z.string()]);

/** The standard envelope: `{code, message, data, traceId}`; `code` 0 means success. */
export const envelopeSchema = z.looseObject({
  code: upstreamCode,
  message: nullableString,
  data: z.unknown(),
  traceId: nullableString,
});

/** The Docker Registry error format: `{"errors":[{code, message, detail}]}`. */
export const registryErrorSchema = z.looseObject({
  errors: z
    .array(z.looseObject({ code: upstreamCode, message: nullableString, detail: z.unknown() }))
    .min(1),
});

const basicSchema = z.looseObject({
  version: nullableString,
  size: count.nullish(),
  createdBy: nullableString,
  createdDate: nullableString,
  lastModifiedBy: nullableString,
  lastModifiedDate: nullableString,
  downloadCount: count.nullish(),
  sha256: nullableString,
  md5: nullableString,
  domain: nullableString,
  dockerDomain: nullableString,
  os: nullableString,
  fullPath: nullableString,
  // A list everywhere except the legacy tag list, which concatenates the tags into one string.
  stageTag: z.union([z.array(z.string()), z.string()]).nullish(),
  platform: z.array(z.string()).nullish(),
  federatedSource: nullableString,
  projectId: nullableString,
  repoName: nullableString,
});

const historySchema = z.looseObject({
  created: nullableString,
  created_by: nullableString,
  empty_layer: z.boolean().nullish(),
});

const metadataEntrySchema = z.looseObject({
  key: z.string(),
  value: z.unknown(),
  system: z.boolean().nullish(),
  description: nullableString,
});

export const layerSchema = z.looseObject({
  mediaType: z.string(),
  size: count,
  digest: z.string(),
});

/**
 * `data` of the version-detail endpoint: the seed/legacy shape (metadata map, embedded layers),
 * the legacy list shape, the pre-3.1 shape (no history), and the current shape.
 */
export const versionDetailSchema = z.looseObject({
  basic: basicSchema,
  history: z.array(historySchema).nullish(),
  metadata: z.union([z.array(metadataEntrySchema), z.record(z.string(), z.unknown())]).nullish(),
  layers: z.array(layerSchema).nullish(),
});

/** The stored manifest document: an image manifest, or an index of per-platform manifests. */
export const manifestSchema = z.looseObject({
  mediaType: nullableString,
  layers: z.array(layerSchema).nullish(),
  manifests: z
    .array(
      z.looseObject({
        mediaType: nullableString,
        digest: z.string(),
        size: count,
        platform: z
          .looseObject({
            os: nullableString,
            architecture: nullableString,
            variant: nullableString,
          })
          .nullish(),
      }),
    )
    .nullish(),
});

/** `data` of the tag-list endpoint, `/ext/tag/...`. */
export const tagPageSchema = z.looseObject({
  totalRecords: count,
  records: z.array(
    z.looseObject({
      tag: z.string(),
      stageTag: z.union([z.array(z.string()), z.string()]).nullish(),
      size: count.nullish(),
      lastModifiedBy: nullableString,
      lastModifiedDate: nullableString,
      downloadCount: count.nullish(),
      registryUrl: nullableString,
    }),
  ),
});

export type WireVersionDetail = z.infer<typeof versionDetailSchema>;
export type WireManifest = z.infer<typeof manifestSchema>;
export type WireTagPage = z.infer<typeof tagPageSchema>;
