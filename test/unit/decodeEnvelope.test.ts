import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GatewayError, VersionNotFoundError } from '../../src/errors/GatewayError.ts';
import { decodeEnvelope } from '../../src/upstream/decodeEnvelope.ts';

const envelope = (code: number | string, data: unknown = null, traceId: string | null = 'abc123') =>
  JSON.stringify({ code, message: 'upstream words', data, traceId });
const registry = (code: number | string) =>
  JSON.stringify({ errors: [{ code, message: 'upstream words', detail: null }] });

function failsWith(status: number, body: string, code: string, notFound = false): GatewayError {
  try {
    decodeEnvelope(status, body, 'header-trace');
  } catch (error) {
    assert.ok(error instanceof GatewayError, 'a GatewayError');
    assert.equal(error.code, code);
    assert.equal(error instanceof VersionNotFoundError, notFound);
    assert.ok(!error.message.includes('upstream words'), 'the upstream message stays inside');
    return error;
  }
  assert.fail('expected an error');
}

describe('decodeEnvelope', () => {
  test('returns data and the trace id of a successful envelope', () => {
    assert.deepEqual(decodeEnvelope(200, envelope(0, { a: 1 }), undefined), {
      data: { a: 1 },
      traceId: 'abc123',
    });
  });

  test('falls back to the X-BKREPO-RID trace id when the envelope has none', () => {
    assert.equal(decodeEnvelope(200, envelope(0, 1, null), 'rid-1').traceId, 'rid-1');
  });

  test('maps version-missing codes to VersionNotFoundError, in both formats and any status', () => {
    failsWith(404, envelope(251906), 'NOT_FOUND', true);
    failsWith(400, registry(251906), 'NOT_FOUND', true);
    failsWith(400, registry('251906'), 'NOT_FOUND', true);
    failsWith(400, registry('BLOB_UNKNOWN'), 'NOT_FOUND', true);
    failsWith(404, registry(251902), 'NOT_FOUND', true);
  });

  test('maps a missing repository to a NOT_FOUND error, not to null', () => {
    failsWith(404, envelope(251006), 'NOT_FOUND');
    failsWith(400, registry(251006), 'NOT_FOUND');
  });

  test('maps authentication and permission failures by code before status', () => {
    failsWith(401, registry('UNAUTHORIZED'), 'UNAUTHENTICATED');
    failsWith(401, envelope(250114), 'UNAUTHENTICATED');
    failsWith(403, registry(250113), 'FORBIDDEN');
    failsWith(403, registry('DENIED'), 'FORBIDDEN');
    failsWith(400, registry('DENIED'), 'FORBIDDEN');
  });

  test('maps parameter and server codes', () => {
    failsWith(400, envelope(250103), 'BAD_USER_INPUT');
    failsWith(500, envelope(250102), 'UPSTREAM_UNAVAILABLE');
    failsWith(429, envelope(250124), 'UPSTREAM_UNAVAILABLE');
    failsWith(200, envelope(250102), 'UPSTREAM_UNAVAILABLE');
  });

  test('falls back to the HTTP status for unknown codes and bodies', () => {
    failsWith(502, '<html>Bad gateway</html>', 'UPSTREAM_UNAVAILABLE');
    failsWith(504, '', 'UPSTREAM_TIMEOUT');
    failsWith(401, 'nope', 'UNAUTHENTICATED');
    failsWith(403, envelope(999999), 'FORBIDDEN');
    failsWith(404, '{}', 'NOT_FOUND');
  });

  test('treats a 2xx body that fits no known shape as UPSTREAM_CONTRACT', () => {
    failsWith(200, '{"code":0,"data":', 'UPSTREAM_CONTRACT');
    failsWith(200, '[1,2,3]', 'UPSTREAM_CONTRACT');
    failsWith(200, '', 'UPSTREAM_CONTRACT');
  });

  test('keeps the trace id on errors', () => {
    assert.equal(failsWith(404, envelope(251006), 'NOT_FOUND').traceId, 'abc123');
    assert.equal(failsWith(403, registry(250113), 'FORBIDDEN').traceId, 'header-trace');
  });
});
