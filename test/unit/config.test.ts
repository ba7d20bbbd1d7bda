import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('loadConfig', () => {
  test('gives every setting its default when the environment is empty', () => {
    const config = loadConfig({});
    assert.equal(config.port, 4000);
    assert.equal(config.upstreamUrl, undefined);
    assert.equal(config.upstreamTimeoutMs, 10_000);
    assert.deepEqual(config.upstreamTimeZone, { kind: 'fixed', offsetMinutes: 0 });
    assert.equal(config.maxRefsPerQuery, 500);
    assert.equal(config.cacheMaxMb, 32);
    assert.equal(config.introspection, true, 'on for the demo upstream');
    assert.ok(Object.isFrozen(config));
  });

  test('reads each variable and treats an empty one as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      UPSTREAM_URL: 'https://devops.example.com/api/open/CPack/repo-oci',
      UPSTREAM_TIME_ZONE: 'Asia/Shanghai',
      LOG_LEVEL: 'warn',
      GRAPHQL_INTROSPECTION: '',
      CACHE_URL: 'redis://cache:6379/1',
      CACHE_MAX_MB: '64',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.upstreamUrl?.pathname, '/api/open/CPack/repo-oci');
    assert.deepEqual(config.upstreamTimeZone, { kind: 'iana', name: 'Asia/Shanghai' });
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.introspection, false, 'off against a real bk-repo unless asked for');
    assert.equal(config.cacheUrl?.protocol, 'redis:');
    assert.equal(config.cacheMaxMb, 64);
  });

  test('reports every problem in one error, naming each variable', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          UPSTREAM_URL: 'ftp://example.com',
          UPSTREAM_TIMEOUT_MS: '5',
          UPSTREAM_TIME_ZONE: 'Mars/Base',
          LOG_LEVEL: 'loud',
          GRAPHQL_INTROSPECTION: 'maybe',
          SUBGRAPH_SECRET: 'short',
          CACHE_URL: 'http://cache',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const named = [
          'PORT',
          'UPSTREAM_URL',
          'UPSTREAM_TIMEOUT_MS',
          'UPSTREAM_TIME_ZONE',
          'LOG_LEVEL',
          'GRAPHQL_INTROSPECTION',
          'SUBGRAPH_SECRET',
          'CACHE_URL',
        ];
        for (const name of named) {
          assert.ok(
            error.problems.some((problem) => problem.startsWith(name)),
            `${name} is reported`,
          );
        }
        return true;
      },
    );
  });

  test('refuses an upstream URL with a query or fragment', () => {
    assert.throws(() => loadConfig({ UPSTREAM_URL: 'https://x.example/oci?a=1' }), ConfigError);
  });
});
