import type { FastifyBaseLogger } from 'fastify';

/**
 * A cross-request store of encoded upstream answers, keyed by `cacheKey` (which binds every entry
 * to one token). Never throws: a backend that fails answers `get` with a miss and drops `set`,
 * so a cache outage only costs upstream calls.
 */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs` (> 0) milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Where cache backends report trouble: the gateway's logger in production. */
export type CacheLog = Pick<FastifyBaseLogger, 'warn' | 'info'>;
