import { GatewayError } from '../errors/GatewayError.ts';

// bk-repo counts pages with a Kotlin Int; no offset past this can be turned into a page number.
const MAX_OFFSET = 2_000_000_000;
const DIGITS = /^(?:0|[1-9]\d*)$/;

/** The opaque cursor of the item at `offset` (0-based) in a listing: base64url of the offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

/**
 * The offset a cursor stands for. Only cursors this gateway made are accepted: anything else is a
 * BAD_USER_INPUT error that names the argument, so a client never gets a silently wrong page.
 */
export function decodeCursor(cursor: string, argument: string): number {
  const text = /^[A-Za-z0-9_-]{1,16}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const offset = Number(text);
  // Re-encoding must give the cursor back: rejects padding, stray bits and non-canonical numbers.
  if (!DIGITS.test(text) || offset > MAX_OFFSET || encodeCursor(offset) !== cursor) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `Invalid cursor in \`${argument}\`: pass a cursor this API returned, such as pageInfo.endCursor; got ${JSON.stringify(cursor.slice(0, 40))}.`,
    );
  }
  return offset;
}
