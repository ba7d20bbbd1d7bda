import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cleanEnv,
  gatewayReadyUrl,
  killAllChildren,
  REPO_ROOT,
  spawnServer,
  startDemoUpstreamProcess,
} from './lib/children.ts';
import { buildGateway, deployedGateway } from './lib/deployment.ts';
import { runLoad, sendOnce } from './lib/load.ts';
import { renderSummary, summarizeProfile, type CpuProfile } from './cpuprofileSummary.ts';
import {
  checkResponse,
  requestFor,
  SCENARIO_IDS,
  SCENARIOS,
  SUBGRAPH_SECRET,
  type ScenarioId,
} from './scenarios.ts';

/*
 * CPU profile of the gateway under one scenario's load: the gateway runs as in `npm run bench`
 * plus `--cpu-prof`; the summary covers only the measured load (start-up, warm-up and shutdown
 * are cut out by time). Profiles land in .bench-out/profiles/.
 *
 *   node bench/profile.ts [--scenarios b,d] [--duration 10] [--latency 0] [--cache off]
 *                         [--top 10] [--write BENCHMARKS.md]
 */

export const PROFILE_START =
  '<!-- bench:profile:start (written by `node bench/profile.ts --write BENCHMARKS.md`) -->';
export const PROFILE_END = '<!-- bench:profile:end -->';

const progress = (message: string): void => {
  process.stderr.write(`[profile ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

/** CLOCK_MONOTONIC in microseconds: the clock V8 stamps profile samples with on Linux. */
const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

async function profileScenario(
  scenario: ScenarioId,
  options: {
    durationS: number;
    warmupS: number;
    latencyMs: number;
    cache: boolean;
    top: number;
    connections: number;
  },
): Promise<string> {
  const dir = join(REPO_ROOT, '.bench-out', 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `gateway-${scenario}-${options.latencyMs}ms${options.cache ? '' : '-nocache'}.cpuprofile`;
  const demo = await startDemoUpstreamProcess(options.latencyMs);
  const deployed = deployedGateway();
  try {
    const gateway = await spawnServer({
      name: 'gateway (profiled)',
      args: [
        ...deployed.nodeArgs,
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        `--cpu-prof-name=${name}`,
        deployed.entry,
      ],
      env: cleanEnv({
        UPSTREAM_URL: demo.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SUBGRAPH_SECRET,
        ...(options.cache ? {} : { CACHE_TTL_TAG_MS: '0', CACHE_TTL_DIGEST_MS: '0' }),
      }),
      readyUrl: gatewayReadyUrl,
    });
    const target = options.cache ? 'gateway' : 'gateway-nocache';
    const request = requestFor(scenario, target, {
      upstream: demo.url,
      gateway: gateway.url,
      candidate: gateway.url,
      'gateway-nocache': gateway.url,
      baseline: gateway.url,
    });
    const { status, body } = await sendOnce(request);
    const problem = checkResponse(scenario, target, status, body);
    if (problem) throw new Error(`the gateway answers scenario ${scenario} wrongly: ${problem}`);
    if (options.warmupS > 0) await runLoad(request, options.connections, options.warmupS);
    const fromUs = monotonicUs();
    const load = await runLoad(request, options.connections, options.durationS);
    const toUs = monotonicUs();
    await gateway.stop();
    progress(
      `(${scenario}) ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(2)} ms under the profiler` +
        (load.errors > 0 ? `, ${load.errors} ERRORS` : ''),
    );
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    if (profile.startTime > fromUs || profile.endTime < toUs) {
      throw new Error('the profile does not cover the load window: is the clock CLOCK_MONOTONIC?');
    }
    const summary = summarizeProfile(profile, { top: options.top, fromUs, toUs });
    const perRequestUs = (summary.busyMs * 1000) / Math.max(1, load.requests);
    return [
      `#### (${scenario}) ${SCENARIOS[scenario].title}: gateway${options.cache ? '' : ' with the cache off'}, ` +
        `${options.connections} connections, ${options.latencyMs} ms upstream latency`,
      '',
      `${load.requests} requests in ${load.seconds.toFixed(1)} s (${load.requestsPerSecond.toFixed(0)} req/s under the profiler), ` +
        `${perRequestUs.toFixed(0)} µs of main-thread CPU per request. Profile: \`.bench-out/profiles/${name}\`.`,
      '',
      renderSummary(summary),
    ].join('\n');
  } finally {
    await demo.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenarios: { type: 'string', default: 'b,d' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      latency: { type: 'string', default: '0' },
      connections: { type: 'string', default: '32' },
      cache: { type: 'string', default: 'on' },
      top: { type: 'string', default: '10' },
      write: { type: 'string' },
    },
  });
  const scenarios = values.scenarios.split(',').map((id) => id.trim()) as ScenarioId[];
  for (const id of scenarios) {
    if (!SCENARIO_IDS.includes(id) || id === 'a')
      throw new Error(`cannot profile scenario "${id}" (b–e)`);
  }
  buildGateway();
  const options = {
    durationS: Number(values.duration),
    warmupS: Number(values.warmup),
    latencyMs: Number(values.latency),
    connections: Number(values.connections),
    cache: values.cache !== 'off',
    top: Number(values.top),
  };
  const sections: string[] = [];
  for (const scenario of scenarios) {
    progress(`profiling scenario ${scenario}`);
    sections.push(await profileScenario(scenario, options));
  }
  const markdown = [
    `Profiled ${new Date().toISOString()} on Node ${process.version}: ` +
      `\`node bench/profile.ts --scenarios ${scenarios.join(',')} --duration ${options.durationS} --latency ${options.latencyMs}` +
      `${options.cache ? '' : ' --cache off'}\`. Self time is the main thread's; "busy" excludes idle.`,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  if (values.write) {
    const block = `${PROFILE_START}\n\n${markdown}\n${PROFILE_END}`;
    const current = existsSync(values.write) ? readFileSync(values.write, 'utf8') : '';
    const start = current.indexOf(PROFILE_START);
    const end = current.indexOf(PROFILE_END);
    writeFileSync(
      values.write,
      start !== -1 && end > start
        ? current.slice(0, start) + block + current.slice(end + PROFILE_END.length)
        : `${current}\n${block}\n`,
    );
    progress(`summary written to ${values.write}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  killAllChildren();
  process.exitCode = 1;
});
