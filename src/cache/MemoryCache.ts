import { LRUCache } from 'lru-cache';
import type { Cache } from './Cache.ts';

/** The default cache: a per-process LRU of at most `maxEntries` entries, each with its own TTL. */
export class MemoryCache implements Cache {
  readonly #entries: LRUCache<string, string>;

  constructor(options: { readonly maxEntries: number }) {
    this.#entries = new LRUCache<string, string>({ max: options.maxEntries });
  }

  async get(key: string): Promise<string | undefined> {
    return this.#entries.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.set(key, value, { ttl: ttlMs });
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
