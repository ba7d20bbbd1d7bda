import { DateTime, IANAZone } from 'luxon';

/**
 * The zone bk-repo wrote its zone-less local times in: a fixed offset (what the
 * `X-BKREPO-Time-Zone` response header carries) or an IANA zone with daylight-saving rules.
 */
export type TimeZone =
  | { readonly kind: 'fixed'; readonly offsetMinutes: number }
  | { readonly kind: 'iana'; readonly name: string };

export const UTC: TimeZone = { kind: 'fixed', offsetMinutes: 0 };

// `+0800`, `+08:00`, `-05`, `+8`: the forms bk-repo writes and accepts.
const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Parses `UTC`, `Z`, an offset such as `+0800` or `+08:00`, or an IANA name; undefined if none. */
export function parseTimeZone(text: string): TimeZone | undefined {
  const value = text.trim();
  if (value === 'Z' || value.toUpperCase() === 'UTC') return UTC;
  const offset = OFFSET.exec(value);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours > 18 || minutes > 59) return undefined;
    const sign = offset[1] === '-' ? -1 : 1;
    return { kind: 'fixed', offsetMinutes: sign * (hours * 60 + minutes) };
  }
  return IANAZone.isValidZone(value) ? { kind: 'iana', name: value } : undefined;
}

// Zone-less local time as bk-repo writes it: seconds and a 0-9 digit fraction are optional.
// A trailing `Z` or offset, and a space instead of `T`, appear in older documents and data.
const UPSTREAM_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Turns an upstream date into an instant. Zone-less values are read in `zone`; values that carry
 * `Z` or an offset keep it. Returns null for anything that is not a date, so one odd field
 * cannot fail a whole version.
 */
export function parseUpstreamDate(text: string, zone: TimeZone): Date | null {
  const match = UPSTREAM_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', explicitZone] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const fields = [
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  ] as const;
  const effectiveZone = explicitZone === undefined ? zone : parseTimeZone(explicitZone);
  if (effectiveZone === undefined) return null;
  const epochMillis =
    effectiveZone.kind === 'fixed'
      ? Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], millis) -
        effectiveZone.offsetMinutes * 60_000
      : DateTime.fromObject(
          {
            year: fields[0],
            month: fields[1],
            day: fields[2],
            hour: fields[3],
            minute: fields[4],
            second: fields[5],
            millisecond: millis,
          },
          { zone: effectiveZone.name },
        ).toMillis();
  const date = new Date(epochMillis);
  // Date.UTC silently rolls over (Feb 30 → Mar 2); a rolled-over value was not a real date.
  return Number.isNaN(date.getTime()) || !sameCalendarFields(date, fields, effectiveZone)
    ? null
    : date;
}

function sameCalendarFields(
  date: Date,
  fields: readonly [number, number, number, number, number, number],
  zone: TimeZone,
): boolean {
  if (zone.kind === 'iana') return true;
  const local = new Date(date.getTime() + zone.offsetMinutes * 60_000);
  return (
    local.getUTCFullYear() === fields[0] &&
    local.getUTCMonth() + 1 === fields[1] &&
    local.getUTCDate() === fields[2] &&
    local.getUTCHours() === fields[3] &&
    local.getUTCMinutes() === fields[4] &&
    local.getUTCSeconds() === fields[5]
  );
}
