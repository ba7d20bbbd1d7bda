import type { Cache, CacheLog } from '../cache/Cache.ts';
import { MemoryCache } from '../cache/MemoryCache.ts';
import type { Config } from '../config/config.ts';
import { CachingVersionSource } from './CachingVersionSource.ts';
import type { VersionSource } from './VersionSource.ts';

/** A version source that may hold resources of its own (a cache connection) to release at shutdown. */
export interface ClosableVersionSource extends VersionSource {
  close?(): Promise<void>;
}

const SILENT: CacheLog = { warn: () => undefined, info: () => undefined };

/**
 * Chooses what sits between the loaders and bk-repo: always in-flight coalescing, plus a cache
 * when a TTL is set: Redis when `cacheUrl` is set, an in-process LRU otherwise.
 */
export async function createVersionSource(
  client: VersionSource,
  config: Config,
  log: CacheLog = SILENT,
): Promise<ClosableVersionSource> {
  const caching = config.cacheTtlTagMs > 0 || config.cacheTtlDigestMs > 0;
  let cache: Cache | undefined;
  if (caching) {
    cache = config.cacheUrl
      ? await connectRedis(config.cacheUrl, log)
      : new MemoryCache({
          maxEntries: config.cacheMaxEntries,
          maxBytes: config.cacheMaxMb * 1024 * 1024,
        });
  }
  return new CachingVersionSource(client, {
    cache,
    ttlTagMs: config.cacheTtlTagMs,
    ttlDigestMs: config.cacheTtlDigestMs,
  });
}

/** Loaded only when Redis is configured, so a gateway without it does not carry the client. */
async function connectRedis(url: URL, log: CacheLog): Promise<Cache> {
  const { RedisCache } = await import('../cache/RedisCache.ts');
  return RedisCache.connect({ url, log });
}
