import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compareLocalDateTime,
  formatIsoDateTime,
  formatJavaToString,
  formatSeedDate,
  localDateTime,
} from '../../src/demo/localDateTime.ts';

describe('localDateTime formats', () => {
  test('ISO_DATE_TIME keeps seconds and drops trailing fraction zeros', () => {
    assert.equal(formatIsoDateTime(localDateTime('2024-05-01T10:20:00')), '2024-05-01T10:20:00');
    assert.equal(
      formatIsoDateTime(localDateTime('2024-05-01T10:20:30.120')),
      '2024-05-01T10:20:30.12',
    );
    assert.equal(
      formatIsoDateTime(localDateTime('2024-05-01T10:20:30.000000001')),
      '2024-05-01T10:20:30.000000001',
    );
  });

  test('toString drops zero seconds and prints the fraction in groups of three', () => {
    assert.equal(formatJavaToString(localDateTime('2024-05-01T10:20:00')), '2024-05-01T10:20');
    assert.equal(
      formatJavaToString(localDateTime('2024-05-01T10:20:00.5')),
      '2024-05-01T10:20:00.500',
    );
    assert.equal(
      formatJavaToString(localDateTime('2024-05-01T10:20:30.1234')),
      '2024-05-01T10:20:30.123400',
    );
    assert.equal(
      formatJavaToString(localDateTime('2024-05-01T10:20:30.1234567')),
      '2024-05-01T10:20:30.123456700',
    );
  });

  test('the seed form has a space, milliseconds and a Z', () => {
    assert.equal(
      formatSeedDate(localDateTime('2020-09-17T03:48:42.896')),
      '2020-09-17 03:48:42.896Z',
    );
  });

  test('compares by time, fraction included', () => {
    const a = localDateTime('2024-05-01T10:20:30.5');
    const b = localDateTime('2024-05-01T10:20:30.25');
    assert.ok(compareLocalDateTime(a, b) > 0);
    assert.equal(compareLocalDateTime(a, localDateTime('2024-05-01T10:20:30.500')), 0);
  });

  test('rejects anything but yyyy-MM-ddTHH:mm:ss[.fraction]', () => {
    assert.throws(() => localDateTime('2024-05-01 10:20:30'));
    assert.throws(() => localDateTime('2024-05-01T10:20'));
  });
});
