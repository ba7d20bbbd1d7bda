import type { FastifyBaseLogger } from 'fastify';
import type { Codec } from './versionCodec.ts';

/**
 * A cross-request store of upstream answers, keyed by `cacheKey` (which binds every entry to one
 * token and one kind of answer). Backends that hold values outside the process encode them with
 * the given codec; the in-process one keeps the decoded value, so a hit costs no parsing.
 *
 * Never throws: a backend that fails answers `get` with a miss and drops `set`, so a cache outage
 * only costs upstream calls.
 */
export interface Cache {
  get<T>(key: string, codec: Codec<T>): Promise<T | undefined>;
  /** Stores `value` for `ttlMs` (> 0) milliseconds. */
  set<T>(key: string, value: T, codec: Codec<T>, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Where cache backends report trouble: the gateway's logger in production. */
export type CacheLog = Pick<FastifyBaseLogger, 'warn' | 'info'>;
