import { LRUCache } from 'lru-cache';
import type { Cache } from './Cache.ts';
import type { Codec } from './versionCodec.ts';

export interface MemoryCacheOptions {
  readonly maxEntries: number;
  /** Bound of the entries' estimated heap (`Codec.weigh`); an entry larger than this is not kept. */
  readonly maxBytes: number;
}

/**
 * The default cache: a per-process LRU bounded both by entries and by estimated bytes, so a few
 * thousand 60-layer manifests cannot outgrow the heap; each entry has its own TTL.
 *
 * It keeps the decoded answers themselves, shared by every request that hits them, which is safe
 * because the domain types are read-only all the way down. A key names its kind (see `cacheKey`),
 * so what `get` finds under it is always what `set` stored for that kind, and `get` needs no codec.
 */
export class MemoryCache implements Cache {
  readonly #entries: LRUCache<string, NonNullable<unknown>>;

  constructor(options: MemoryCacheOptions) {
    this.#entries = new LRUCache({ max: options.maxEntries, maxSize: options.maxBytes });
  }

  async get<T>(key: string, _codec: Codec<T>): Promise<T | undefined> {
    return this.#entries.get(key) as T | undefined;
  }

  async set<T>(key: string, value: T, codec: Codec<T>, ttlMs: number): Promise<void> {
    if (value == null) return;
    this.#entries.set(key, value, { ttl: ttlMs, size: Math.max(1, Math.ceil(codec.weigh(value))) });
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
