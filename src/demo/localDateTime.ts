/**
 * A zone-less wall-clock time, the way bk-repo holds dates (Java `LocalDateTime`). The demo's
 * times are all local to +08:00, the zone it announces in `X-BKREPO-Time-Zone`.
 */
export interface LocalDateTime {
  /** `yyyy-MM-ddTHH:mm:ss`. */
  readonly wholeSeconds: string;
  readonly nanos: number;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?$/;

/** Parses `yyyy-MM-ddTHH:mm:ss[.fraction]`; throws on anything else, since fixtures are code. */
export function localDateTime(text: string): LocalDateTime {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match?.[1]) throw new Error(`not a local date-time: ${text}`);
  return { wholeSeconds: match[1], nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

export function compareLocalDateTime(a: LocalDateTime, b: LocalDateTime): number {
  if (a.wholeSeconds !== b.wholeSeconds) return a.wholeSeconds < b.wholeSeconds ? -1 : 1;
  return a.nanos - b.nanos;
}

/**
 * `DateTimeFormatter.ISO_DATE_TIME`, used for detail dates: seconds always, then the shortest
 * fraction with trailing zeros dropped (`10:20:30`, `10:20:30.12`).
 */
export function formatIsoDateTime(value: LocalDateTime): string {
  if (value.nanos === 0) return value.wholeSeconds;
  return `${value.wholeSeconds}.${nineDigits(value.nanos).replace(/0+$/, '')}`;
}

/**
 * `LocalDateTime.toString()`, used by the tag list: drops `:ss` when seconds and fraction are
 * both zero, and prints the fraction in groups of three digits.
 */
export function formatJavaToString(value: LocalDateTime): string {
  const { wholeSeconds, nanos } = value;
  if (nanos === 0) return wholeSeconds.endsWith(':00') ? wholeSeconds.slice(0, -3) : wholeSeconds;
  const digits = nineDigits(nanos);
  if (nanos % 1_000_000 === 0) return `${wholeSeconds}.${digits.slice(0, 3)}`;
  if (nanos % 1_000 === 0) return `${wholeSeconds}.${digits.slice(0, 6)}`;
  return `${wholeSeconds}.${digits}`;
}

/** The `2020-09-17 03:48:42.896Z` form the seed API document shows for `createdDate`. */
export function formatSeedDate(value: LocalDateTime): string {
  return `${value.wholeSeconds.replace('T', ' ')}.${nineDigits(value.nanos).slice(0, 3)}Z`;
}

function nineDigits(nanos: number): string {
  return String(nanos).padStart(9, '0');
}
