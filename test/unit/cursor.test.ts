import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCursor, encodeCursor } from '../../src/domain/cursor.ts';
import { GatewayError } from '../../src/errors/GatewayError.ts';

describe('cursor', () => {
  test('a cursor is the base64url of the offset and decodes back to it', () => {
    assert.equal(encodeCursor(0), Buffer.from('0').toString('base64url'));
    for (const offset of [0, 1, 9, 10, 99, 12_345, 2_000_000_000]) {
      assert.equal(decodeCursor(encodeCursor(offset), 'after'), offset);
    }
  });

  test('cursors are URL-safe and carry no padding', () => {
    for (const offset of [0, 7, 63, 1000, 123_456_789]) {
      assert.match(encodeCursor(offset), /^[A-Za-z0-9_-]+$/);
    }
  });

  for (const [name, cursor] of [
    ['an empty string', ''],
    ['text that is not base64url', 'not a cursor!'],
    ['base64 of something other than a number', Buffer.from('abc').toString('base64url')],
    ['a negative offset', Buffer.from('-1').toString('base64url')],
    ['a fractional offset', Buffer.from('1.5').toString('base64url')],
    ['a number with a leading zero', Buffer.from('01').toString('base64url')],
    [
      'an offset past the largest page bk-repo can count',
      Buffer.from('2000000001').toString('base64url'),
    ],
    ['padded base64', `${Buffer.from('1').toString('base64url')}==`],
    ['a very long string', 'A'.repeat(500)],
  ] as const) {
    test(`rejects ${name} as BAD_USER_INPUT naming the argument`, () => {
      assert.throws(
        () => decodeCursor(cursor, 'after'),
        (error: unknown) =>
          error instanceof GatewayError &&
          error.code === 'BAD_USER_INPUT' &&
          error.message.includes('`after`'),
      );
    });
  }
});
