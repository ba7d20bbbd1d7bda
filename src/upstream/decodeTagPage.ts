import { GatewayError } from '../errors/GatewayError.ts';
import { parseUpstreamDate, type TimeZone } from '../domain/timeZone.ts';
import type { UpstreamResult } from './decodeEnvelope.ts';
import { toStageTags } from './decodeVersionDetail.ts';
import { tagPageSchema } from './wireSchemas.ts';

/** One page of an image's tags, newest first, as the tag-list endpoint returns it. */
export interface TagPage {
  readonly totalRecords: number;
  readonly records: readonly TagRecord[];
}

export interface TagRecord {
  readonly name: string;
  readonly size: number | null;
  readonly stageTag: readonly string[];
  readonly lastModifiedBy: string | null;
  readonly lastModifiedDate: Date | null;
  readonly downloadCount: number | null;
  readonly registryUrl: string | null;
}

export function decodeTagPage(result: UpstreamResult, zone: TimeZone): TagPage {
  const parsed = tagPageSchema.safeParse(result.data);
  if (!parsed.success) {
    throw new GatewayError('UPSTREAM_CONTRACT', 'bk-repo answered with an unexpected tag list.', {
      traceId: result.traceId,
      cause: parsed.error,
    });
  }
  return {
    totalRecords: parsed.data.totalRecords,
    records: parsed.data.records.map((record) => ({
      name: record.tag,
      size: record.size ?? null,
      stageTag: toStageTags(record.stageTag) ?? [],
      lastModifiedBy: record.lastModifiedBy ?? null,
      lastModifiedDate: record.lastModifiedDate
        ? parseUpstreamDate(record.lastModifiedDate, zone)
        : null,
      downloadCount: record.downloadCount ?? null,
      registryUrl: record.registryUrl ?? null,
    })),
  };
}
