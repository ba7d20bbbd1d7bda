import type {
  HistoryStep,
  Manifest,
  VersionBasic,
  VersionDetail,
} from '../domain/versionDetail.ts';

/**
 * Turns a cached value into text and back. `decode` answers undefined for text it cannot read
 * (another format, a truncated write), which the caller treats as a miss.
 */
export interface Codec<T> {
  encode(value: T): string;
  decode(text: string): T | undefined;
  /** Roughly how many bytes of heap the decoded value holds, for a cache bounded by memory. */
  weigh(value: T): number;
}

/**
 * Decoded objects take about three times their JSON length on the V8 heap (measured on the demo
 * fixtures: 2–9 KB per detail or manifest), plus a fixed cost per entry. Computed only when a value
 * is stored, that is after an upstream call, so its price is lost in the call's.
 */
function weighEncoded(text: string): number {
  return 1024 + 3 * text.length;
}

// JSON has no dates: every Date field is written as an ISO string and explicitly revived, field by
// field, so a string that merely looks like a date (a metadata value) stays a string.
type Encoded<T> = { readonly [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };

interface EncodedDetail {
  readonly basic: Encoded<VersionBasic>;
  readonly history: readonly Encoded<HistoryStep>[];
  readonly metadata: VersionDetail['metadata'];
  readonly layers: VersionDetail['layers'];
}

export const versionDetailCodec: Codec<VersionDetail> = {
  encode(detail) {
    const encoded: EncodedDetail = {
      basic: {
        ...detail.basic,
        createdDate: fromDate(detail.basic.createdDate),
        lastModifiedDate: fromDate(detail.basic.lastModifiedDate),
      },
      history: detail.history.map((step) => ({ ...step, created: fromDate(step.created) })),
      metadata: detail.metadata,
      layers: detail.layers,
    };
    return JSON.stringify(encoded);
  },
  weigh(detail) {
    return weighEncoded(this.encode(detail));
  },
  decode(text) {
    const value = parse(text);
    if (!isRecord(value) || !isRecord(value['basic']) || !Array.isArray(value['history'])) {
      return undefined;
    }
    if (!Array.isArray(value['metadata'])) return undefined;
    if (value['layers'] !== null && !Array.isArray(value['layers'])) return undefined;
    const encoded = value as unknown as EncodedDetail;
    return {
      basic: {
        ...encoded.basic,
        createdDate: toDate(encoded.basic.createdDate),
        lastModifiedDate: toDate(encoded.basic.lastModifiedDate),
      },
      history: encoded.history.map((step) => ({ ...step, created: toDate(step.created) })),
      metadata: encoded.metadata,
      layers: encoded.layers,
    };
  },
};

export const manifestCodec: Codec<Manifest> = {
  encode: (manifest) => JSON.stringify(manifest),
  weigh: (manifest) => weighEncoded(JSON.stringify(manifest)),
  decode(text) {
    const value = parse(text);
    if (!isRecord(value) || !Array.isArray(value['layers'])) return undefined;
    if (!Array.isArray(value['manifests'])) return undefined;
    const manifest = value as unknown as Manifest;
    return manifest;
  },
};

function fromDate(date: Date | null): string | null {
  return date === null || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toDate(text: string | null | undefined): Date | null {
  if (typeof text !== 'string') return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
