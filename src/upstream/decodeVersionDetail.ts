import { VersionNotFoundError, GatewayError } from '../errors/GatewayError.ts';
import { parseBuildStep } from '../domain/buildStep.ts';
import { parseUpstreamDate, type TimeZone } from '../domain/timeZone.ts';
import type { MetadataEntry, VersionDetail } from '../domain/versionDetail.ts';
import { versionDetailSchema, type WireVersionDetail } from './wireSchemas.ts';
import type { UpstreamResult } from './decodeEnvelope.ts';

/**
 * Normalises `data` of the version-detail endpoint, in any of the shapes bk-repo has used, into the
 * gateway's model. Zone-less dates are read in `zone`.
 */
export function decodeVersionDetail(result: UpstreamResult, zone: TimeZone): VersionDetail {
  // The legacy docker service answered every failure with `code: 0, data: null`.
  if (result.data === null || result.data === undefined) {
    throw new VersionNotFoundError({ traceId: result.traceId });
  }
  const parsed = versionDetailSchema.safeParse(result.data);
  if (!parsed.success) {
    throw new GatewayError(
      'UPSTREAM_CONTRACT',
      'bk-repo answered with an unexpected version detail.',
      {
        traceId: result.traceId,
        cause: parsed.error,
      },
    );
  }
  return toVersionDetail(parsed.data, zone);
}

function toVersionDetail(wire: WireVersionDetail, zone: TimeZone): VersionDetail {
  const basic = wire.basic;
  const date = (text: string | null | undefined): Date | null =>
    text ? parseUpstreamDate(text, zone) : null;
  return {
    basic: {
      version: basic.version ?? null,
      size: basic.size ?? null,
      createdBy: basic.createdBy ?? null,
      createdDate: date(basic.createdDate),
      lastModifiedBy: basic.lastModifiedBy ?? null,
      lastModifiedDate: date(basic.lastModifiedDate),
      downloadCount: basic.downloadCount ?? null,
      sha256: basic.sha256 || null,
      md5: basic.md5 || null,
      domain: basic.domain ?? basic.dockerDomain ?? null,
      os: basic.os ?? null,
      fullPath: basic.fullPath ?? null,
      stageTag: toStageTags(basic.stageTag),
      platform: basic.platform ?? null,
      federatedSource: basic.federatedSource ?? null,
      projectId: basic.projectId ?? null,
      repoName: basic.repoName ?? null,
    },
    history: (wire.history ?? []).map((step) => {
      const createdBy = step.created_by ?? null;
      return {
        // Image-config history is RFC 3339 with an explicit zone; `zone` applies only if it lacks one.
        created: date(step.created),
        createdBy,
        ...parseBuildStep(createdBy, step.empty_layer ?? null),
      };
    }),
    metadata: toMetadata(wire.metadata),
    layers: wire.layers ?? null,
  };
}

/** Old bk-repo releases send metadata as a map; current ones as a list of entries. */
function toMetadata(metadata: WireVersionDetail['metadata']): readonly MetadataEntry[] {
  if (!metadata) return [];
  if (Array.isArray(metadata)) {
    return metadata.map((entry) => ({
      key: entry.key,
      value: entry.value,
      system: entry.system ?? null,
      description: entry.description ?? null,
    }));
  }
  return Object.entries(metadata).map(([key, value]) => ({
    key,
    value,
    system: null,
    description: null,
  }));
}

export function toStageTags(
  stageTag: readonly string[] | string | null | undefined,
): string[] | null {
  if (stageTag === null || stageTag === undefined) return null;
  if (typeof stageTag !== 'string') return [...stageTag];
  // The tag list concatenates stage tags with no separator ("@prerelease@release").
  return stageTag.split(/(?=@)/).filter((tag) => tag.length > 0);
}
