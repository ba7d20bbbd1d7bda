import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cacheKey, isDigestVersion } from '../../src/cache/cacheKey.ts';

const REF_KEY = 'demo\ndocker-local\ndocker://alpine\nlatest';

describe('cacheKey', () => {
  test('the same token, kind and ref give the same key', () => {
    assert.equal(
      cacheKey('detail', 'demo-token', REF_KEY),
      cacheKey('detail', 'demo-token', REF_KEY),
    );
  });

  test('another token, kind or ref gives another key', () => {
    const key = cacheKey('detail', 'demo-token', REF_KEY);
    assert.notEqual(cacheKey('detail', 'admin-token', REF_KEY), key);
    assert.notEqual(cacheKey('manifest', 'demo-token', REF_KEY), key);
    assert.notEqual(cacheKey('detail', 'demo-token', `${REF_KEY}x`), key);
  });

  test('parts cannot be shifted from the token into the ref', () => {
    assert.notEqual(cacheKey('detail', 'a\nb', 'c'), cacheKey('detail', 'a', 'b\nc'));
  });

  test('neither the token nor the ref appears in the key', () => {
    const key = cacheKey('detail', 'demo-token', REF_KEY);
    assert.doesNotMatch(key, /demo-token|alpine|docker-local/);
    assert.match(key, /^v1:detail:[a-f0-9]{64}$/);
  });
});

describe('isDigestVersion', () => {
  test('tells digests from tags', () => {
    assert.equal(isDigestVersion(`sha256:${'0'.repeat(64)}`), true);
    assert.equal(isDigestVersion('latest'), false);
    assert.equal(isDigestVersion('sha256'), false);
    assert.equal(isDigestVersion(`sha256:${'0'.repeat(63)}`), false);
  });
});
