import { measureDashboards, type DashboardRow } from './dashboardWallTime.ts';
import { buildGateway, deployedGateway } from './lib/deployment.ts';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import {
  cleanEnv,
  gatewayReadyUrl,
  killAllChildren,
  REPO_ROOT,
  spawnServer,
  startDemoUpstreamProcess,
  type DemoUpstreamProcess,
  type ServerProcess,
} from './lib/children.ts';
import { runLoad, sendOnce, type LoadRequest } from './lib/load.ts';
import type { Cell, RoundSample, RunInfo } from './lib/model.ts';
import { CLOCK_TICKS, cpuModel, cpuMs, peakRssMiB, resetPeakRss } from './lib/procfs.ts';
import { renderResults, writeResults } from './report.ts';
import { readOptions, type BenchOptions } from './options.ts';
import {
  checkResponse,
  comparableData,
  requestFor,
  SCENARIOS,
  SUBGRAPH_SECRET,
  type ScenarioId,
  type TargetId,
  type TargetUrls,
} from './scenarios.ts';

/*
 * `npm run bench`: the demo upstream, the gateway (twice: as deployed, and with its cache off) and
 * the baseline, each in its own process; autocannon here. See BENCHMARKS.md for what is measured.
 */

const LOW_LOAD_LATENCY_MS = 5;
/** The dashboard scenario: 100 and 500 distinct versions at 20 ms per upstream call. */
const DASHBOARD_REF_COUNTS = [100, 500] as const;
const DASHBOARD_LATENCY_MS = 20;
const MIB_TO_MB = (1024 * 1024) / 1e6;

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function versionOf(name: string): string {
  try {
    const json = readFileSync(`${REPO_ROOT}node_modules/${name}/package.json`, 'utf8');
    return (JSON.parse(json) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

interface Targets {
  readonly demo: DemoUpstreamProcess;
  readonly servers: Partial<Record<TargetId, ServerProcess>>;
  readonly urls: TargetUrls;
}

async function startTargets(options: BenchOptions): Promise<Targets> {
  const demo = await startDemoUpstreamProcess(0);
  progress(`demo upstream pid ${demo.pid} at ${demo.url}`);
  const servers: Partial<Record<TargetId, ServerProcess>> = { direct: demo };
  const gatewayEnv = (extra: Record<string, string>): NodeJS.ProcessEnv =>
    cleanEnv({
      UPSTREAM_URL: demo.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // As a federation subgraph is deployed: _entities and _service need the router's secret.
      SUBGRAPH_SECRET,
      ...extra,
    });
  const graphqlTargets = options.targets.filter((target) =>
    options.scenarios.some((id) => SCENARIOS[id].targets.includes(target)),
  );
  if (options.lowLoad) {
    for (const target of ['gateway', 'gateway-nocache', 'baseline'] as const) {
      if (!graphqlTargets.includes(target) && options.targets.includes(target))
        graphqlTargets.push(target);
    }
  }
  for (const target of graphqlTargets) {
    const server =
      target === 'baseline'
        ? await spawnServer({
            name: 'baseline',
            args: ['bench/baseline/server.ts'],
            env: cleanEnv({ UPSTREAM_URL: demo.url, PORT: '0', HOST: '127.0.0.1' }),
            readyUrl: (line) => {
              try {
                const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
                return parsed.msg === 'baseline ready' && typeof parsed.url === 'string'
                  ? parsed.url
                  : undefined;
              } catch {
                return undefined;
              }
            },
          })
        : await spawnServer({
            name: target,
            args:
              target === 'candidate'
                ? [...options.candidateNodeArgs, options.candidateEntry]
                : [...options.gatewayNodeArgs, options.gatewayEntry],
            env: gatewayEnv(
              target === 'gateway-nocache'
                ? { CACHE_TTL_TAG_MS: '0', CACHE_TTL_DIGEST_MS: '0' }
                : {},
            ),
            readyUrl: gatewayReadyUrl,
          });
    servers[target] = server;
    progress(`${target} pid ${server.pid} at ${server.url}`);
  }
  const none = 'http://127.0.0.1:1/not-started';
  return {
    demo,
    servers,
    urls: {
      upstream: demo.url,
      gateway: servers.gateway?.url ?? none,
      candidate: servers.candidate?.url ?? none,
      'gateway-nocache': servers['gateway-nocache']?.url ?? none,
      baseline: servers.baseline?.url ?? none,
    },
  };
}

/** One measured round: CPU, upstream calls and peak RSS around one autocannon run. */
async function measureRound(
  targets: Targets,
  target: TargetId,
  request: LoadRequest,
  connections: number,
  durationS: number,
): Promise<RoundSample> {
  const pid = targets.servers[target]?.pid;
  if (pid === undefined) throw new Error(`${target} is not running`);
  // Requests a previous round abandoned may still be running: wait until it is quiet.
  await quiesce(targets);
  resetPeakRss(pid);
  const calls0 = await targets.demo.callCount();
  const cpu0 = cpuMs(pid);
  const load = await runLoad(request, connections, durationS);
  // The run ends with a request in flight on every connection; the target still serves them. Wait
  // for that, and count them: every request sent is then paid for in full, and only once.
  await quiesce(targets);
  const cpu1 = cpuMs(pid);
  const calls1 = await targets.demo.callCount();
  const requests = Math.max(1, load.sent);
  return {
    requests: load.requests,
    requestsPerSecond: load.requestsPerSecond,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    cpuMsPerRequest: (cpu1 - cpu0) / requests,
    peakRssMB: peakRssMiB(pid) * MIB_TO_MB,
    upstreamCallsPerRequest: (calls1 - calls0) / requests,
    errors: load.errors,
  };
}

/**
 * Waits (up to 15 s) until the upstream sees no calls and no target process uses more than one
 * clock tick of CPU for 200 ms, so a round never pays for work another round started.
 */
async function quiesce(targets: Targets): Promise<void> {
  const pids = Object.values(targets.servers).map((server) => server.pid);
  const snapshot = async (): Promise<number[]> => [
    await targets.demo.callCount(),
    ...pids.map((pid) => cpuMs(pid)),
  ];
  const tickMs = 1000 / CLOCK_TICKS;
  const deadline = performance.now() + 15_000;
  let previous = await snapshot();
  while (performance.now() < deadline) {
    await sleep(200);
    const current = await snapshot();
    const quiet =
      current[0] === previous[0] &&
      current.every((value, index) => index === 0 || value - (previous[index] ?? 0) <= tickMs);
    previous = current;
    if (quiet) return;
  }
  progress('warning: the targets did not become idle within 15 s');
}

/** Alternates targets round by round: A B C, C B A, A B C … */
function roundOrder<T>(items: readonly T[], round: number): readonly T[] {
  return round % 2 === 0 ? items : [...items].reverse();
}

interface Job {
  readonly scenario: ScenarioId;
  readonly target: TargetId;
}

/** Checks each job's response once, warms each target up, then runs the alternating rounds. */
async function measureJobs(
  targets: Targets,
  jobs: readonly Job[],
  latencyMs: number,
  connections: number,
  options: BenchOptions,
): Promise<Cell[]> {
  await targets.demo.setLatency(latencyMs);
  const requests = jobs.map((job) => requestFor(job.scenario, job.target, targets.urls));
  for (const [index, job] of jobs.entries()) {
    const request = requests[index];
    if (!request) continue;
    const { status, body } = await sendOnce(request);
    const problem = checkResponse(job.scenario, job.target, status, body);
    if (problem)
      throw new Error(`${job.target} answers scenario ${job.scenario} wrongly: ${problem}`);
    if (options.warmupS > 0) await runLoad(request, connections, options.warmupS);
  }
  const cells: Cell[] = jobs.map((job) => ({
    scenario: job.scenario,
    latencyMs,
    target: job.target,
    connections,
    samples: [],
  }));
  for (let round = 0; round < options.rounds; round++) {
    for (const index of roundOrder([...jobs.keys()], round)) {
      const job = jobs[index];
      const request = requests[index];
      const cell = cells[index];
      if (!job || !request || !cell) continue;
      const sample = await measureRound(
        targets,
        job.target,
        request,
        connections,
        options.durationS,
      );
      cell.samples.push(sample);
      progress(
        `${job.scenario} ${latencyMs}ms ${connections}c ${job.target.padEnd(15)} round ${round + 1}: ` +
          `${sample.requestsPerSecond.toFixed(0)} req/s, p50 ${sample.p50Ms.toFixed(2)} ms, ` +
          `p99 ${sample.p99Ms.toFixed(2)} ms, ${sample.cpuMsPerRequest.toFixed(3)} CPU ms/req, ` +
          `${sample.upstreamCallsPerRequest.toFixed(2)} calls/req, ${sample.peakRssMB.toFixed(0)} MB` +
          (sample.errors > 0 ? `, ${sample.errors} ERRORS` : ''),
      );
    }
  }
  return cells;
}

/** Whether the gateway and the baseline answer the same data, per scenario. */
async function compareData(targets: Targets, options: BenchOptions): Promise<string[]> {
  if (!targets.servers.gateway || !targets.servers.baseline) return [];
  const notes: string[] = [];
  for (const scenario of options.scenarios) {
    if (scenario === 'a') continue;
    const [gateway, baseline] = await Promise.all(
      (['gateway', 'baseline'] as const).map(async (target) => {
        const { body } = await sendOnce(requestFor(scenario, target, targets.urls));
        return comparableData(scenario, target, body);
      }),
    );
    notes.push(
      isDeepStrictEqual(gateway, baseline)
        ? `(${scenario}) the gateway and the baseline answer identical data`
        : `(${scenario}) the gateway's and the baseline's data DIFFER`,
    );
  }
  return notes;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  const loadAverage = loadavg();
  progress(
    `${options.durationS} s × ${options.rounds} rounds, warm-up ${options.warmupS} s, ` +
      `${options.connections} connections, scenarios ${options.scenarios.join(',')}, ` +
      `latencies ${options.latencies.join(',')} ms, targets ${options.targets.join(',')}`,
  );
  buildGateway();
  const targets = await startTargets(options);
  const cells: Cell[] = [];
  const lowLoad: Cell[] = [];
  const startupRssMB: Partial<Record<TargetId, number>> = {};
  let perRoundPeaks = true;
  try {
    for (const [target, server] of Object.entries(targets.servers) as [TargetId, ServerProcess][]) {
      startupRssMB[target] = peakRssMiB(server.pid) * MIB_TO_MB;
      perRoundPeaks &&= resetPeakRss(server.pid);
    }
    const dataChecks = await compareData(targets, options);
    for (const note of dataChecks) progress(note);

    for (const latencyMs of options.latencies) {
      for (const scenario of options.scenarios) {
        const jobs = SCENARIOS[scenario].targets
          .filter((target) => target === 'direct' || options.targets.includes(target))
          .map((target) => ({ scenario, target }));
        if (jobs.length === 0) continue;
        cells.push(...(await measureJobs(targets, jobs, latencyMs, options.connections, options)));
      }
    }
    if (options.lowLoad) {
      const jobs: Job[] = [{ scenario: 'a', target: 'direct' }];
      if (targets.servers.gateway) jobs.push({ scenario: 'b', target: 'gateway' });
      if (targets.servers['gateway-nocache']) {
        jobs.push(
          { scenario: 'b', target: 'gateway-nocache' },
          { scenario: 'c', target: 'gateway-nocache' },
        );
      }
      if (targets.servers.baseline) jobs.push({ scenario: 'c', target: 'baseline' });
      lowLoad.push(...(await measureJobs(targets, jobs, LOW_LOAD_LATENCY_MS, 1, options)));
    }
    let dashboards: readonly DashboardRow[] = [];
    if (options.dashboard) {
      // Its own upstream and gateway, so the other targets sit idle rather than stopped.
      dashboards = await measureDashboards({
        refCounts: DASHBOARD_REF_COUNTS,
        latencyMs: DASHBOARD_LATENCY_MS,
        warmups: 20,
        repeats: Math.max(10, options.rounds),
        deployment: { ...deployedGateway(), nodeArgs: options.gatewayNodeArgs },
        progress,
      });
    }

    const info: RunInfo = {
      date: new Date().toISOString(),
      node: process.version,
      versions: Object.fromEntries(
        [
          '@apollo/server',
          'graphql',
          'undici',
          'fastify',
          '@as-integrations/fastify',
          '@apollo/datasource-rest',
          'autocannon',
        ].map((name) => [name, versionOf(name)]),
      ),
      cpuModel: cpuModel(),
      cores: availableParallelism(),
      loadAverage,
      wallSeconds: (performance.now() - started) / 1000,
      durationS: options.durationS,
      rounds: options.rounds,
      warmupS: options.warmupS,
      connections: options.connections,
      gateway: `node ${[...options.gatewayNodeArgs, options.gatewayEntry].join(' ')}`,
      candidate: targets.servers.candidate
        ? `node ${[...options.candidateNodeArgs, options.candidateEntry].join(' ')}`
        : undefined,
      startupRssMB,
      perRoundPeaks,
      dataChecks,
      command: commandLine(options),
    };
    const markdown = renderResults(info, cells, lowLoad, dashboards);
    process.stdout.write(`${markdown}\n`);
    if (options.out) {
      writeResults(options.out, markdown);
      progress(`results written to ${options.out}`);
    }
  } finally {
    await Promise.allSettled(Object.values(targets.servers).map((server) => server.stop()));
  }
}

function commandLine(options: BenchOptions): string {
  const env = [
    `BENCH_DURATION_S=${options.durationS}`,
    `BENCH_ROUNDS=${options.rounds}`,
    `BENCH_WARMUP_S=${options.warmupS}`,
    `BENCH_CONNECTIONS=${options.connections}`,
    `BENCH_SCENARIOS=${options.scenarios.join(',')}`,
    `BENCH_LATENCIES=${options.latencies.join(',')}`,
    `BENCH_TARGETS=${options.targets.join(',')}`,
  ];
  if (!options.lowLoad) env.push('BENCH_LOW_LOAD=0');
  if (!options.dashboard) env.push('BENCH_DASHBOARD=0');
  if (options.targets.includes('candidate')) {
    env.push(
      `BENCH_CANDIDATE_ENTRY=${options.candidateEntry}`,
      `BENCH_CANDIDATE_NODE_ARGS='${options.candidateNodeArgs.join(' ')}'`,
    );
  }
  return `${env.join(' ')} npm run bench`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  killAllChildren();
  process.exitCode = 1;
});
