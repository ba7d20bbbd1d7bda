import type { Cache } from '../cache/Cache.ts';
import { cacheKey, isDigestVersion, type CacheKind } from '../cache/cacheKey.ts';
import { manifestCodec, versionDetailCodec, type Codec } from '../cache/versionCodec.ts';
import type { ImageRef } from '../domain/imageRef.ts';
import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import type { Manifest, VersionDetail } from '../domain/versionDetail.ts';
import type { CallContext, TagListQuery } from './BkRepoClient.ts';
import type { TagPage } from './decodeTagPage.ts';
import { tagListRequestKey } from './tagListRequestKey.ts';
import type { VersionSource } from './VersionSource.ts';

export interface CachingOptions {
  /** Undefined: no cross-request cache, only coalescing. */
  readonly cache: Cache | undefined;
  /** How long an answer for a tag stays fresh; 0 never caches tags (they can be moved). */
  readonly ttlTagMs: number;
  /** How long an answer for a `sha256:` version stays fresh; 0 never caches digests. */
  readonly ttlDigestMs: number;
}

/**
 * A VersionSource in front of another (the BkRepoClient): for each call it tries the cache, then
 * joins an identical call already in flight, then calls through. Every key, for the cache and for
 * coalescing alike, is bound to the caller's token (see `cacheKey`), so one token's answer is never
 * served to another. Only successes are stored; a failure reaches the callers that shared it and
 * is forgotten.
 */
export class CachingVersionSource implements VersionSource {
  readonly #inner: VersionSource;
  readonly #options: CachingOptions;
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(inner: VersionSource, options: CachingOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  getVersionDetail(ref: ImageVersionRef, context: CallContext): Promise<VersionDetail> {
    return this.#read('detail', ref, context, versionDetailCodec, () =>
      this.#inner.getVersionDetail(ref, context),
    );
  }

  getManifest(ref: ImageVersionRef, context: CallContext): Promise<Manifest> {
    return this.#read('manifest', ref, context, manifestCodec, () =>
      this.#inner.getManifest(ref, context),
    );
  }

  /** Releases the cache (quits Redis). */
  async close(): Promise<void> {
    await this.#options.cache?.close();
  }

  /** Tag lists change with every push: coalesced, never cached. */
  listTags(image: ImageRef, query: TagListQuery, context: CallContext): Promise<TagPage> {
    const request = tagListRequestKey(image, query);
    return this.#coalesce(cacheKey('tags', context.token, request), () =>
      this.#inner.listTags(image, query, context),
    );
  }

  #read<T>(
    kind: CacheKind,
    ref: ImageVersionRef,
    context: CallContext,
    codec: Codec<T>,
    fetch: () => Promise<T>,
  ): Promise<T> {
    const key = cacheKey(kind, context.token, ref.key);
    const ttlMs = isDigestVersion(ref.version) ? this.#options.ttlDigestMs : this.#options.ttlTagMs;
    const { cache } = this.#options;
    if (cache === undefined || ttlMs <= 0) return this.#coalesce(key, fetch);
    return this.#coalesce(key, async () => {
      const hit = await cache.get(key, codec);
      if (hit !== undefined) return hit;
      const value = await fetch();
      // Awaited so a response never overtakes its own cache write; the cache never throws.
      await cache.set(key, value, codec, ttlMs);
      return value;
    });
  }

  #coalesce<T>(key: string, run: () => Promise<T>): Promise<T> {
    const pending = this.#inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const started = run().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, started);
    return started;
  }
}
