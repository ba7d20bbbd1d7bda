import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Config } from '../../src/config/config.ts';
import { userForToken } from '../../src/demo/accessTokens.ts';
import { startRedisServer } from '../helpers/redisServer.ts';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      __typename
      ... on ImageVersion {
        projectId
        repoName
        packageKey
        version
        basic {
          size
          createdBy
        }
        layers {
          digest
        }
      }
      ... on ImageVersionError {
        ref {
          repoName
          packageKey
        }
        code
      }
    }
    imageStorage(refs: $refs) {
      versions {
        projectId
        repoName
        packageKey
        version
      }
      errors {
        ref {
          projectId
          repoName
        }
        code
      }
      totalSize
    }
  }
`;

interface Dashboard {
  imageVersions: Array<
    | {
        __typename: 'ImageVersion';
        projectId: string;
        repoName: string;
        version: string;
        basic: { createdBy: string };
      }
    | { __typename: 'ImageVersionError'; code: string }
  >;
  imageStorage: {
    versions: Array<{ projectId: string; repoName: string }>;
    errors: Array<{ ref: { projectId: string; repoName: string }; code: string }>;
    totalSize: number;
  };
}

const ref = (projectId: string, repoName: string, packageKey: string, version: string) => ({
  projectId,
  repoName,
  packageKey,
  version,
});

// Overlapping refs: public to demo, admin-only, and readable by other-token only (and admin).
const REFS = [
  ref('demo', 'docker-local', 'docker://alpine', 'latest'),
  ref('demo', 'private', 'docker://secret/app', '1.0'),
  ref('other', 'docker-local', 'docker://tools/jq', '1.7.1'),
  ref('demo', 'docker-local', 'docker://library/nginx', '1.27'),
  ref('other', 'docker-local', 'docker://tools/curl', '8.10.1'),
];

type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** What a token may see, by the demo's own access rules (its stand-in for bk-repo permissions). */
function outcomesFor(token: string | undefined): Outcome[] {
  const user = userForToken(token);
  return REFS.map((entry) =>
    user === undefined
      ? 'UNAUTHENTICATED'
      : user.canRead(entry.projectId, entry.repoName)
        ? 'ok'
        : 'FORBIDDEN',
  );
}

const EXPECTED: Readonly<Record<string, readonly Outcome[]>> = {
  'demo-token': outcomesFor('demo-token'),
  'admin-token': outcomesFor('admin-token'),
  'other-token': outcomesFor('other-token'),
  none: outcomesFor(undefined),
};
const TOKENS = Object.keys(EXPECTED);

/** One caller's dashboard, checked against what its own token may see. */
async function checkCaller(
  gw: TestGateway,
  token: string,
  totals: Map<string, number>,
): Promise<void> {
  const { body } = await gw.query<Dashboard>(DASHBOARD, {
    variables: { refs: REFS },
    token: token === 'none' ? null : token,
  });
  assert.equal(body.errors, undefined, `${token}: ${JSON.stringify(body.errors)}`);
  const outcomes = body.data?.imageVersions.map((result) =>
    result.__typename === 'ImageVersion' ? 'ok' : result.code,
  );
  assert.deepEqual(outcomes, EXPECTED[token], token);
  const secret = body.data?.imageVersions[1];
  if (secret?.__typename === 'ImageVersion') assert.equal(secret.basic.createdBy, 'admin');

  const readable = REFS.filter((_, index) => EXPECTED[token]?.[index] === 'ok');
  const storage = body.data?.imageStorage;
  assert.deepEqual(storage?.versions, readable, `${token} storage versions`);
  assert.equal(storage?.errors.length, REFS.length - readable.length);
  // The same token always sees the same total, whichever caller filled the cache first.
  const total = totals.get(token);
  if (total === undefined) totals.set(token, storage?.totalSize ?? -1);
  else assert.equal(storage?.totalSize, total, `${token} totalSize`);
}

/** Many concurrent callers with mixed tokens, in waves, so some hit the cache another token filled. */
async function runMixedCallers(gw: TestGateway): Promise<void> {
  const totals = new Map<string, number>();
  for (let wave = 0; wave < 3; wave++) {
    const callers = Array.from({ length: 4 }, () => TOKENS).flat();
    // A different order per wave: sometimes admin fills the cache first, sometimes the others.
    if (wave % 2 === 1) callers.reverse();
    await Promise.all(callers.map((token) => checkCaller(gw, token, totals)));
  }
  // Admin first, alone, then everyone else: admin's entries are certainly in the cache by then.
  await checkCaller(gw, 'admin-token', totals);
  await Promise.all(TOKENS.map((token) => checkCaller(gw, token, totals)));
}

const MODES: ReadonlyArray<readonly [string, Partial<Config>]> = [
  ['with the cache off', { cacheTtlTagMs: 0, cacheTtlDigestMs: 0 }],
  ['with the in-memory cache', { cacheTtlTagMs: 60_000, cacheTtlDigestMs: 60_000 }],
];

describe('each response holds only what its own token may see', () => {
  test('the refs overlap: each token is refused some that another token reads', () => {
    assert.deepEqual(EXPECTED['admin-token'], ['ok', 'ok', 'ok', 'ok', 'ok']);
    // demo/private is admin-only; other-token reads project other and nothing in project demo.
    assert.equal(EXPECTED['demo-token']?.[1], 'FORBIDDEN');
    assert.equal(EXPECTED['other-token']?.[0], 'FORBIDDEN');
    assert.equal(EXPECTED['other-token']?.[2], 'ok');
  });

  for (const [mode, overrides] of MODES) {
    test(mode, async () => {
      await using gw = await startTestGateway(overrides, { latencyMs: 20 });
      await runMixedCallers(gw);
    });
  }

  test('with the Redis cache', async () => {
    await using redis = await startRedisServer();
    await using gw = await startTestGateway(
      { cacheUrl: redis.url, cacheTtlTagMs: 60_000, cacheTtlDigestMs: 60_000 },
      { latencyMs: 20 },
    );
    await runMixedCallers(gw);
  });

  test('an entry admin cached is never served to demo-token: its own call still reaches bk-repo', async () => {
    await using gw = await startTestGateway({ cacheTtlTagMs: 60_000 }, { latencyMs: 20 });
    await runMixedCallers(gw);
    const privateCalls = gw.upstream
      .requests()
      .filter((request) => request.path.includes('/private'));
    assert.ok(privateCalls.some((request) => request.user === 'admin'));
    assert.ok(privateCalls.some((request) => request.user === 'demo'));
  });
});
