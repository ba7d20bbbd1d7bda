import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTimeZone, parseUpstreamDate, UTC } from '../../src/domain/timeZone.ts';

const shanghai = parseTimeZone('+0800');
const berlin = parseTimeZone('Europe/Berlin');

describe('parseTimeZone', () => {
  test('reads UTC, the offset forms bk-repo uses, and IANA names', () => {
    assert.deepEqual(parseTimeZone('UTC'), UTC);
    assert.deepEqual(parseTimeZone('+0800'), { kind: 'fixed', offsetMinutes: 480 });
    assert.deepEqual(parseTimeZone('+08:00'), { kind: 'fixed', offsetMinutes: 480 });
    assert.deepEqual(parseTimeZone('+8'), { kind: 'fixed', offsetMinutes: 480 });
    assert.deepEqual(parseTimeZone('-0530'), { kind: 'fixed', offsetMinutes: -330 });
    assert.deepEqual(parseTimeZone('Asia/Shanghai'), { kind: 'iana', name: 'Asia/Shanghai' });
  });

  test('refuses what is not a zone', () => {
    assert.equal(parseTimeZone('Mars/Olympus'), undefined);
    assert.equal(parseTimeZone('+25:00'), undefined);
  });
});

describe('parseUpstreamDate', () => {
  test('reads zone-less local times in the given zone', () => {
    assert.ok(shanghai);
    assert.equal(
      parseUpstreamDate('2024-05-01T10:20:30.123', shanghai)?.toISOString(),
      '2024-05-01T02:20:30.123Z',
    );
    assert.equal(
      parseUpstreamDate('2024-05-01T10:20:30', UTC)?.toISOString(),
      '2024-05-01T10:20:30.000Z',
    );
  });

  test('accepts 0 to 9 fraction digits and a missing seconds field', () => {
    assert.equal(
      parseUpstreamDate('2024-05-01T10:20', UTC)?.toISOString(),
      '2024-05-01T10:20:00.000Z',
    );
    assert.equal(
      parseUpstreamDate('2024-05-01T10:20:30.1', UTC)?.toISOString(),
      '2024-05-01T10:20:30.100Z',
    );
    assert.equal(
      parseUpstreamDate('2019-01-01T01:29:27.416803627Z', shanghai ?? UTC)?.toISOString(),
      '2019-01-01T01:29:27.416Z',
    );
  });

  test('keeps an explicit Z or offset, and the space-separated legacy form', () => {
    assert.equal(
      parseUpstreamDate('2020-09-17 03:48:42.896Z', shanghai ?? UTC)?.toISOString(),
      '2020-09-17T03:48:42.896Z',
    );
    assert.equal(
      parseUpstreamDate('2020-09-17T03:48:42+02:00', UTC)?.toISOString(),
      '2020-09-17T01:48:42.000Z',
    );
  });

  test('applies daylight saving time for IANA zones', () => {
    assert.ok(berlin);
    assert.equal(
      parseUpstreamDate('2024-01-15T12:00:00', berlin)?.toISOString(),
      '2024-01-15T11:00:00.000Z',
    );
    assert.equal(
      parseUpstreamDate('2024-07-15T12:00:00', berlin)?.toISOString(),
      '2024-07-15T10:00:00.000Z',
    );
  });

  test('returns null for text that is not a real date', () => {
    assert.equal(parseUpstreamDate('yesterday', UTC), null);
    assert.equal(parseUpstreamDate('2024-02-30T10:00:00', UTC), null);
    assert.equal(parseUpstreamDate('2024-13-01T10:00:00', UTC), null);
  });
});
