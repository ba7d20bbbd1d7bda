import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import type { CacheLog } from '../../src/cache/Cache.ts';
import { RedisCache } from '../../src/cache/RedisCache.ts';
import { textCodec as text } from '../helpers/textCodec.ts';
import { freePort, startRedisServer } from '../helpers/redisServer.ts';

/** A logger that remembers what it was told. */
function recordingLog(): CacheLog & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (_details: unknown, message?: string) => void lines.push(`warn ${message}`),
    info: (_details: unknown, message?: string) => void lines.push(`info ${message}`),
  } as CacheLog & { readonly lines: string[] };
}

describe('RedisCache against a real redis-server', () => {
  test('stores values under its key prefix with a PX expiry, and reads them back', async () => {
    await using server = await startRedisServer();
    const cache = await RedisCache.connect({ url: server.url, log: recordingLog() });
    const raw = new Redis(server.url.href);
    try {
      await cache.set('v1:detail:abc', 'value', text, 60_000);
      assert.equal(await cache.get('v1:detail:abc', text), 'value');
      assert.deepEqual(await raw.keys('*'), ['bkrepo-gateway:v1:detail:abc']);
      const ttl = await raw.pttl('bkrepo-gateway:v1:detail:abc');
      assert.ok(ttl > 0 && ttl <= 60_000, `pttl ${ttl}`);
      assert.equal(await cache.get('v1:detail:missing', text), undefined);
    } finally {
      raw.disconnect();
      await cache.close();
    }
  });

  test('an entry expires after its TTL', async () => {
    await using server = await startRedisServer();
    const cache = await RedisCache.connect({ url: server.url, log: recordingLog() });
    try {
      await cache.set('short', 'x', text, 50);
      await sleep(150);
      assert.equal(await cache.get('short', text), undefined);
    } finally {
      await cache.close();
    }
  });

  test('while Redis is down, reads miss and writes are dropped without throwing; it logs once and recovers', async () => {
    await using server = await startRedisServer();
    const log = recordingLog();
    const cache = await RedisCache.connect({ url: server.url, log, timeoutMs: 200 });
    try {
      await cache.set('k', 'before', text, 60_000);
      await server.kill();
      for (let attempt = 0; attempt < 5; attempt++) {
        assert.equal(await cache.get('k', text), undefined);
        await cache.set('k', 'during', text, 60_000);
      }
      assert.equal(log.lines.filter((line) => line.startsWith('warn')).length, 1);

      await server.restart();
      let value: string | undefined;
      for (let attempt = 0; attempt < 100 && value === undefined; attempt++) {
        await sleep(50);
        await cache.set('k', 'after', text, 60_000);
        value = await cache.get('k', text);
      }
      assert.equal(value, 'after');
      assert.ok(
        log.lines.some((line) => line.startsWith('info')),
        log.lines.join('\n'),
      );
    } finally {
      await cache.close();
    }
  });

  test('connecting to a Redis that is not there still gives a cache, one that always misses', async () => {
    const port = await freePort();
    const log = recordingLog();
    const cache = await RedisCache.connect({
      url: new URL(`redis://127.0.0.1:${port}`),
      log,
      timeoutMs: 200,
    });
    try {
      await cache.set('k', 'v', text, 60_000);
      assert.equal(await cache.get('k', text), undefined);
      assert.equal(log.lines.filter((line) => line.startsWith('warn')).length, 1);
    } finally {
      await cache.close();
    }
  });
});
