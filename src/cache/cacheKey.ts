import { hash } from 'node:crypto';

/** What a cache entry holds. The kind is part of the key, so kinds never read each other's values. */
export type CacheKind = 'detail' | 'manifest' | 'tags';

// Bumped whenever the encoding in versionCodec.ts changes, so old entries are simply not found.
const FORMAT = 'v1';

/**
 * The key of one upstream answer for one token: a SHA-256 over the kind, the token and the
 * request's key, so an entry can only ever be read back with the token that fetched it, and
 * neither the token nor the ref appears in the store.
 */
export function cacheKey(kind: CacheKind, token: string, requestKey: string): string {
  // JSON keeps the parts apart whatever characters they hold. The one-shot `hash` runs on every
  // cache lookup and costs a fraction of a `createHash` object.
  const digest = hash('sha256', JSON.stringify([FORMAT, kind, token, requestKey]), 'hex');
  return `${FORMAT}:${kind}:${digest}`;
}

const DIGEST_VERSION = /^sha256:[a-f0-9]{64}$/;

/** Whether a version names immutable content (`sha256:<hex>`) rather than a movable tag. */
export function isDigestVersion(version: string): boolean {
  return DIGEST_VERSION.test(version);
}
