import { Redis } from 'ioredis';
import type { Cache, CacheLog } from './Cache.ts';
import type { Codec } from './versionCodec.ts';

export interface RedisCacheOptions {
  readonly url: URL;
  readonly log: CacheLog;
  /** Put before every key, so the gateway can share a Redis with others. */
  readonly keyPrefix?: string;
  /** How long one command, or the first connection, may take before it counts as a miss. */
  readonly timeoutMs?: number;
}

const DEFAULT_PREFIX = 'bkrepo-gateway:';
const DEFAULT_TIMEOUT_MS = 500;

/**
 * The shared cache: entries in Redis under a key prefix, each with a `PX` expiry. Redis is an
 * optimisation only. While it is down, commands fail at once (no offline queue), each `get` is
 * a miss and each `set` is dropped; ioredis reconnects in the background. An outage is logged once
 * when it starts and once when it ends, not once per command.
 */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #log: CacheLog;
  #healthy = true;

  private constructor(redis: Redis, log: CacheLog) {
    this.#redis = redis;
    this.#log = log;
    redis.on('error', (error: unknown) => this.#failed('connection', error));
    redis.on('ready', () => this.#succeeded());
  }

  /**
   * Connects, waiting at most `timeoutMs` for Redis. A Redis that is down does not stop the
   * gateway from starting: it serves from bk-repo until Redis comes back.
   */
  static async connect(options: RedisCacheOptions): Promise<RedisCache> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const redis = new Redis(options.url.href, {
      keyPrefix: options.keyPrefix ?? DEFAULT_PREFIX,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    });
    const cache = new RedisCache(redis, options.log);
    try {
      await redis.connect();
    } catch (error) {
      cache.#failed('connection', error);
    }
    return cache;
  }

  async get<T>(key: string, codec: Codec<T>): Promise<T | undefined> {
    try {
      const text = await this.#redis.get(key);
      this.#succeeded();
      // An entry that no longer decodes (another format, a truncated write) is a miss.
      return text === null ? undefined : codec.decode(text);
    } catch (error) {
      this.#failed('get', error);
      return undefined;
    }
  }

  async set<T>(key: string, value: T, codec: Codec<T>, ttlMs: number): Promise<void> {
    try {
      await this.#redis.set(key, codec.encode(value), 'PX', Math.max(1, Math.round(ttlMs)));
      this.#succeeded();
    } catch (error) {
      this.#failed('set', error);
    }
  }

  /** Sends QUIT when connected; stops reconnecting either way. */
  async close(): Promise<void> {
    try {
      if (this.#redis.status === 'ready') await this.#redis.quit();
    } catch {
      // Closing anyway.
    } finally {
      this.#redis.disconnect();
    }
  }

  #succeeded(): void {
    if (this.#healthy) return;
    this.#healthy = true;
    this.#log.info({ cache: 'redis' }, 'cache: Redis is reachable again');
  }

  #failed(operation: string, error: unknown): void {
    if (!this.#healthy) return;
    this.#healthy = false;
    this.#log.warn(
      { cache: 'redis', operation, err: error },
      'cache: Redis is unavailable; serving from bk-repo until it is back',
    );
  }
}
