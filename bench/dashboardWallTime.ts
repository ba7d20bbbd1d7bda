import pLimit from 'p-limit';
import { Pool } from 'undici';
import { loadConfig } from '../src/config/config.ts';
import { CI_BUILD_COUNT } from '../src/demo/fixtures.ts';
import {
  cleanEnv,
  gatewayReadyUrl,
  spawnServer,
  startDemoUpstreamProcess,
} from './lib/children.ts';
import type { Deployment } from './lib/deployment.ts';
import { sendOnce } from './lib/load.ts';
import { spread, type Spread } from './lib/stats.ts';
import { TOKEN } from './scenarios.ts';

/**
 * The dashboard scenario: one `imageVersions` request for many distinct versions, against an
 * upstream that takes a fixed time per call. Nothing can beat `refs ÷ cap × latency` (the calls go
 * out `cap` at a time, each taking `latency`), so the wall time is reported beside that ideal, and
 * beside the same calls made straight to the upstream, `cap` at a time, by a bare undici Pool: the
 * floor that the upstream and the loopback allow, so what is left over is the gateway's own.
 * The cache is off, so every request pays all its calls; requests run one at a time.
 */
export interface DashboardRow {
  readonly refs: number;
  readonly latencyMs: number;
  /** The per-request cap on upstream calls in flight (UPSTREAM_CONCURRENCY_PER_REQUEST). */
  readonly cap: number;
  readonly idealMs: number;
  readonly wallMs: Spread;
  /** The same calls, straight to the upstream with the same cap, no gateway. */
  readonly directMs: Spread;
  readonly upstreamCalls: Spread;
  readonly warmups: number;
  readonly requests: number;
  readonly errors: number;
}

export interface DashboardOptions {
  readonly refCounts: readonly number[];
  readonly latencyMs: number;
  /** Unmeasured requests per ref count first, so the gateway runs JIT-compiled code as deployed. */
  readonly warmups: number;
  /** Measured requests per ref count. */
  readonly repeats: number;
  readonly deployment: Deployment;
  readonly progress: (message: string) => void;
}

const QUERY = `query Dashboard($refs: [ImageVersionRef!]!) {
  imageVersions(refs: $refs) {
    __typename
    ... on ImageVersion { version digest basic { size lastModifiedDate stageTag downloadCount } }
    ... on ImageVersionError { code }
  }
}`;

/** `build-1` … `build-<count>` of demo/ci-builds: distinct versions with real data. */
interface CiBuildRef {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

function ciBuildRefs(count: number): CiBuildRef[] {
  if (count > CI_BUILD_COUNT)
    throw new Error(`the demo holds ${CI_BUILD_COUNT} builds, not ${count}`);
  return Array.from({ length: count }, (_, index) => ({
    projectId: 'demo',
    repoName: 'ci-builds',
    packageKey: 'docker://team/ci-app',
    version: `build-${index + 1}`,
  }));
}

export async function measureDashboards(options: DashboardOptions): Promise<DashboardRow[]> {
  const defaults = loadConfig({});
  const cap = defaults.upstreamConcurrencyPerRequest;
  const demo = await startDemoUpstreamProcess(options.latencyMs);
  const demoUrl = new URL(demo.url);
  // As many connections as the gateway's pool, so both sides may open what the cap lets them use.
  const upstream = new Pool(demoUrl.origin, { connections: defaults.upstreamConnections });
  const basePath = demoUrl.pathname;
  try {
    const gateway = await spawnServer({
      name: 'gateway (dashboard)',
      args: [...options.deployment.nodeArgs, options.deployment.entry],
      env: cleanEnv({
        UPSTREAM_URL: demo.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        CACHE_TTL_TAG_MS: '0',
        CACHE_TTL_DIGEST_MS: '0',
      }),
      readyUrl: gatewayReadyUrl,
    });
    try {
      const rows: DashboardRow[] = [];
      for (const refs of options.refCounts) {
        const refList = ciBuildRefs(refs);
        const body = JSON.stringify({ query: QUERY, variables: { refs: refList } });
        const send = () =>
          sendOnce({
            url: gateway.url,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-devops-access-token': TOKEN },
            body,
          });
        for (let warm = 0; warm < options.warmups; warm += 1) await send();
        const walls: number[] = [];
        const calls: number[] = [];
        let errors = 0;
        for (let round = 0; round < options.repeats; round += 1) {
          const before = await demo.callCount();
          const started = performance.now();
          const response = await send();
          walls.push(performance.now() - started);
          calls.push((await demo.callCount()) - before);
          if (!answersEveryRef(response, refs)) errors += 1;
        }
        const direct: number[] = [];
        for (let round = 0; round < options.warmups + options.repeats; round += 1) {
          const started = performance.now();
          await callDirectly(upstream, basePath, refList, cap);
          if (round >= options.warmups) direct.push(performance.now() - started);
        }
        const row: DashboardRow = {
          refs,
          latencyMs: options.latencyMs,
          cap,
          idealMs: (refs / cap) * options.latencyMs,
          wallMs: spread(walls),
          directMs: spread(direct),
          upstreamCalls: spread(calls),
          warmups: options.warmups,
          requests: options.repeats,
          errors,
        };
        options.progress(
          `dashboard ${refs} refs at ${options.latencyMs} ms: ${row.wallMs.median.toFixed(0)} ms ` +
            `(ideal ${row.idealMs.toFixed(0)} ms, direct ${row.directMs.median.toFixed(0)} ms), ` +
            `${row.upstreamCalls.median} upstream calls`,
        );
        rows.push(row);
      }
      return rows;
    } finally {
      await gateway.stop();
    }
  } finally {
    await upstream.close();
    await demo.stop();
  }
}

/** The version-detail calls of `refs`, `cap` at a time, read to the end: what the gateway must make. */
async function callDirectly(
  pool: Pool,
  basePath: string,
  refs: readonly CiBuildRef[],
  cap: number,
): Promise<void> {
  const limit = pLimit(cap);
  await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const query = new URLSearchParams({ packageKey: ref.packageKey, version: ref.version });
        const response = await pool.request({
          method: 'GET',
          path: `${basePath}/ext/version/detail/${ref.projectId}/${ref.repoName}?${query.toString()}`,
          headers: { accept: 'application/json', 'x-devops-access-token': TOKEN },
        });
        const text = await response.body.text();
        if (response.statusCode !== 200)
          throw new Error(`direct call answered ${response.statusCode}: ${text}`);
      }),
    ),
  );
}

/** A 200 whose list holds one ImageVersion per ref and no error. */
function answersEveryRef(response: { status: number; body: string }, refs: number): boolean {
  if (response.status !== 200) return false;
  const parsed = JSON.parse(response.body) as {
    errors?: unknown;
    data?: { imageVersions?: { __typename: string }[] };
  };
  const list = parsed.data?.imageVersions ?? [];
  return (
    parsed.errors === undefined &&
    list.length === refs &&
    list.every((item) => item.__typename === 'ImageVersion')
  );
}
