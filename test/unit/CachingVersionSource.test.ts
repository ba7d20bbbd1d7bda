import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { MemoryCache } from '../../src/cache/MemoryCache.ts';
import { textCodec as text } from '../helpers/textCodec.ts';
import { parseImageVersionRef, type ImageVersionRef } from '../../src/domain/imageVersionRef.ts';
import type { Manifest, VersionDetail } from '../../src/domain/versionDetail.ts';
import { GatewayError } from '../../src/errors/GatewayError.ts';
import type { CallContext } from '../../src/upstream/BkRepoClient.ts';
import { CachingVersionSource } from '../../src/upstream/CachingVersionSource.ts';
import type { TagPage } from '../../src/upstream/decodeTagPage.ts';
import type { VersionSource } from '../../src/upstream/VersionSource.ts';

const DIGEST = `sha256:${'c'.repeat(64)}`;

function ref(version: string): ImageVersionRef {
  return parseImageVersionRef({
    projectId: 'demo',
    repoName: 'docker-local',
    packageKey: 'docker://alpine',
    version,
  });
}

function detailFor(token: string, version: string): VersionDetail {
  return {
    basic: {
      version,
      size: 1,
      createdBy: token,
      createdDate: new Date('2024-01-01T00:00:00Z'),
      lastModifiedBy: null,
      lastModifiedDate: null,
      downloadCount: null,
      sha256: null,
      md5: null,
      domain: null,
      os: null,
      fullPath: null,
      stageTag: null,
      platform: null,
      federatedSource: null,
      projectId: null,
      repoName: null,
    },
    history: [],
    metadata: [],
    layers: null,
  };
}

/** A VersionSource that answers after `latencyMs`, records every call and can be made to fail. */
class FakeSource implements VersionSource {
  readonly calls: string[] = [];
  readonly latencyMs: number;
  failWith: Error | undefined;

  constructor(latencyMs = 5) {
    this.latencyMs = latencyMs;
  }

  async getVersionDetail(target: ImageVersionRef, context: CallContext): Promise<VersionDetail> {
    this.calls.push(`detail ${context.token} ${target.version}`);
    await sleep(this.latencyMs);
    if (this.failWith) throw this.failWith;
    return detailFor(context.token, target.version);
  }

  async getManifest(target: ImageVersionRef, context: CallContext): Promise<Manifest> {
    this.calls.push(`manifest ${context.token} ${target.version}`);
    await sleep(this.latencyMs);
    return { mediaType: null, layers: [], manifests: [] };
  }

  async listTags(): Promise<TagPage> {
    this.calls.push('tags');
    await sleep(this.latencyMs);
    return { totalRecords: 0, records: [] };
  }
}

const demo: CallContext = { token: 'demo-token' };
const admin: CallContext = { token: 'admin-token' };

function caching(inner: VersionSource, ttlTagMs: number, ttlDigestMs: number) {
  return new CachingVersionSource(inner, {
    cache: new MemoryCache({ maxEntries: 100, maxBytes: 1 << 20 }),
    ttlTagMs,
    ttlDigestMs,
  });
}

describe('CachingVersionSource', () => {
  test('coalesces identical calls in flight for the same token into one', async () => {
    const inner = new FakeSource(20);
    const source = new CachingVersionSource(inner, {
      cache: undefined,
      ttlTagMs: 0,
      ttlDigestMs: 0,
    });
    const results = await Promise.all([
      source.getVersionDetail(ref('latest'), demo),
      source.getVersionDetail(ref('latest'), { token: 'demo-token', requestId: 'another' }),
      source.getVersionDetail(ref('latest'), demo),
    ]);
    assert.deepEqual(inner.calls, ['detail demo-token latest']);
    assert.equal(results[0], results[2]);
  });

  test('never coalesces the same ref across tokens', async () => {
    const inner = new FakeSource(20);
    const source = new CachingVersionSource(inner, {
      cache: undefined,
      ttlTagMs: 0,
      ttlDigestMs: 0,
    });
    const [forDemo, forAdmin] = await Promise.all([
      source.getVersionDetail(ref('latest'), demo),
      source.getVersionDetail(ref('latest'), admin),
    ]);
    assert.equal(inner.calls.length, 2);
    assert.equal(forDemo.basic.createdBy, 'demo-token');
    assert.equal(forAdmin.basic.createdBy, 'admin-token');
  });

  test('without a cache, calls that do not overlap each reach the upstream', async () => {
    const inner = new FakeSource(1);
    const source = new CachingVersionSource(inner, {
      cache: undefined,
      ttlTagMs: 0,
      ttlDigestMs: 0,
    });
    await source.getVersionDetail(ref('latest'), demo);
    await source.getVersionDetail(ref('latest'), demo);
    assert.equal(inner.calls.length, 2);
  });

  test('serves a second call within the TTL from the cache, with Dates intact', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 60_000, 60_000);
    const first = await source.getVersionDetail(ref('latest'), demo);
    const second = await source.getVersionDetail(ref('latest'), demo);
    assert.equal(inner.calls.length, 1);
    assert.deepEqual(second, first);
    assert.ok(second.basic.createdDate instanceof Date);
  });

  test('a cached answer is served to its own token only', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 60_000, 60_000);
    await source.getVersionDetail(ref('latest'), demo);
    const forAdmin = await source.getVersionDetail(ref('latest'), admin);
    assert.equal(inner.calls.length, 2);
    assert.equal(forAdmin.basic.createdBy, 'admin-token');
  });

  test('calls again once the TTL has passed', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 50, 50);
    await source.getVersionDetail(ref('latest'), demo);
    await sleep(120);
    await source.getVersionDetail(ref('latest'), demo);
    assert.equal(inner.calls.length, 2);
  });

  test('uses the tag TTL for tags and the digest TTL for sha256 versions', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 0, 60_000);
    await source.getVersionDetail(ref('latest'), demo);
    await source.getVersionDetail(ref('latest'), demo);
    await source.getVersionDetail(ref(DIGEST), demo);
    await source.getVersionDetail(ref(DIGEST), demo);
    assert.deepEqual(inner.calls, [
      'detail demo-token latest',
      'detail demo-token latest',
      `detail demo-token ${DIGEST}`,
    ]);
  });

  test('never caches a failure', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 60_000, 60_000);
    inner.failWith = new GatewayError('UPSTREAM_UNAVAILABLE', 'down');
    await assert.rejects(source.getVersionDetail(ref('latest'), demo), {
      code: 'UPSTREAM_UNAVAILABLE',
    });
    inner.failWith = undefined;
    const detail = await source.getVersionDetail(ref('latest'), demo);
    assert.equal(detail.basic.version, 'latest');
    assert.equal(inner.calls.length, 2);
  });

  test('a failure reaches every caller that shared the call', async () => {
    const inner = new FakeSource(20);
    inner.failWith = new GatewayError('UPSTREAM_TIMEOUT', 'slow');
    const source = caching(inner, 60_000, 60_000);
    const outcomes = await Promise.allSettled([
      source.getVersionDetail(ref('latest'), demo),
      source.getVersionDetail(ref('latest'), demo),
    ]);
    assert.equal(inner.calls.length, 1);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected'],
    );
  });

  test('caches manifests apart from details', async () => {
    const inner = new FakeSource(1);
    const source = caching(inner, 60_000, 60_000);
    await source.getManifest(ref('latest'), demo);
    await source.getVersionDetail(ref('latest'), demo);
    await source.getManifest(ref('latest'), demo);
    await source.getVersionDetail(ref('latest'), demo);
    assert.deepEqual(inner.calls, ['manifest demo-token latest', 'detail demo-token latest']);
  });

  test('coalesces tag-list pages but never caches them', async () => {
    const inner = new FakeSource(20);
    const source = caching(inner, 60_000, 60_000);
    const image = ref('latest');
    const query = { pageNumber: 1, pageSize: 20, tagPrefix: undefined };
    await Promise.all([source.listTags(image, query, demo), source.listTags(image, query, demo)]);
    await source.listTags(image, query, demo);
    assert.equal(inner.calls.length, 2);
  });
});

describe('MemoryCache', () => {
  test('holds at most maxEntries entries, dropping the least recently used', async () => {
    const cache = new MemoryCache({ maxEntries: 2, maxBytes: 1 << 20 });
    await cache.set('a', '1', text, 60_000);
    await cache.set('b', '2', text, 60_000);
    await cache.get('a', text);
    await cache.set('c', '3', text, 60_000);
    assert.equal(await cache.get('a', text), '1');
    assert.equal(await cache.get('b', text), undefined);
    assert.equal(await cache.get('c', text), '3');
  });

  test('holds at most maxBytes of weighed entries, dropping the least recently used', async () => {
    const cache = new MemoryCache({ maxEntries: 100, maxBytes: 10 });
    await cache.set('a', 'aaaa', text, 60_000);
    await cache.set('b', 'bbbb', text, 60_000);
    await cache.get('a', text);
    await cache.set('c', 'cccc', text, 60_000);
    assert.equal(await cache.get('a', text), 'aaaa');
    assert.equal(await cache.get('b', text), undefined);
    assert.equal(await cache.get('c', text), 'cccc');
    // An entry bigger than the whole cache is not kept, and evicts nothing.
    await cache.set('huge', 'x'.repeat(11), text, 60_000);
    assert.equal(await cache.get('huge', text), undefined);
    assert.equal(await cache.get('c', text), 'cccc');
  });

  test('forgets an entry after its own TTL', async () => {
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1 << 20 });
    await cache.set('short', 'x', text, 30);
    await cache.set('long', 'y', text, 60_000);
    await sleep(80);
    assert.equal(await cache.get('short', text), undefined);
    assert.equal(await cache.get('long', text), 'y');
  });
});
