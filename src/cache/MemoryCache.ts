import { LRUCache } from 'lru-cache';
import type { Cache } from './Cache.ts';
import type { Codec } from './versionCodec.ts';

/**
 * The default cache: a per-process LRU of at most `maxEntries` entries, each with its own TTL.
 *
 * It keeps the decoded answers themselves, shared by every request that hits them, which is safe
 * because the domain types are read-only all the way down. The codec is not needed: a key names
 * its kind (see `cacheKey`), so what `get` finds under it is always what `set` stored for that
 * kind.
 */
export class MemoryCache implements Cache {
  readonly #entries: LRUCache<string, NonNullable<unknown>>;

  constructor(options: { readonly maxEntries: number }) {
    this.#entries = new LRUCache({ max: options.maxEntries });
  }

  async get<T>(key: string, _codec: Codec<T>): Promise<T | undefined> {
    return this.#entries.get(key) as T | undefined;
  }

  async set<T>(key: string, value: T, _codec: Codec<T>, ttlMs: number): Promise<void> {
    if (value == null) return;
    this.#entries.set(key, value, { ttl: ttlMs });
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
