import type { DashboardRow } from './dashboardWallTime.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Cell, RoundSample, RunInfo } from './lib/model.ts';
import { fmt, fmtSpread, spread, type Spread } from './lib/stats.ts';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId, type TargetId } from './scenarios.ts';

export const RESULTS_START = '<!-- bench:results:start (written by `npm run bench`) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

const GOAL = {
  cpuPerRequestB: 0.5,
  cpuPerVersionD: 0.3,
  p50D: 0.5,
  peakRssMB: 200,
  addedP50Ms: 1,
} as const;

const of = (cell: Cell, measure: (sample: RoundSample) => number): Spread =>
  spread(cell.samples.map(measure));

function find(
  cells: readonly Cell[],
  scenario: ScenarioId,
  target: TargetId,
  latencyMs: number,
): Cell | undefined {
  return cells.find(
    (cell) => cell.scenario === scenario && cell.target === target && cell.latencyMs === latencyMs,
  );
}

const met = (ok: boolean): string => (ok ? '**met**' : '**not met**');

function resultsTable(cells: readonly Cell[]): string[] {
  const lines = [
    '| Scenario | Upstream latency | Target | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MB | upstream calls/req | errors |',
    '| --- | --: | --- | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const cell of cells) {
    const errors = cell.samples.reduce((sum, sample) => sum + sample.errors, 0);
    const rss = Math.max(...cell.samples.map((sample) => sample.peakRssMB));
    lines.push(
      `| ${cell.scenario} | ${cell.latencyMs} ms | ${cell.target} | ` +
        `${fmtSpread(
          of(cell, (s) => s.requestsPerSecond),
          (n) => n.toFixed(0),
        )} | ` +
        `${fmtSpread(of(cell, (s) => s.p50Ms))} | ${fmtSpread(of(cell, (s) => s.p99Ms))} | ` +
        `${fmtSpread(of(cell, (s) => s.cpuMsPerRequest))} | ${rss.toFixed(0)} | ` +
        `${fmtSpread(
          of(cell, (s) => s.upstreamCallsPerRequest),
          (n) => n.toFixed(2),
        )} | ${errors} |`,
    );
  }
  return lines;
}

interface TargetRow {
  readonly what: string;
  readonly latencyMs: number;
  readonly gateway: number;
  readonly baseline: number;
  readonly unit: string;
  readonly goal: number;
  readonly official: boolean;
}

function ratioRows(cells: readonly Cell[], latencies: readonly number[]): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const latencyMs of latencies) {
    const baselineB = find(cells, 'b', 'baseline', latencyMs);
    const baselineD = find(cells, 'd', 'baseline', latencyMs);
    for (const target of ['gateway', 'gateway-nocache'] as const) {
      const official = target === 'gateway';
      const suffix = official ? '' : ' (cache off, informative)';
      const b = find(cells, 'b', target, latencyMs);
      if (b && baselineB) {
        rows.push({
          what: `(b) CPU per request${suffix}`,
          latencyMs,
          gateway: of(b, (s) => s.cpuMsPerRequest).median,
          baseline: of(baselineB, (s) => s.cpuMsPerRequest).median,
          unit: 'ms',
          goal: GOAL.cpuPerRequestB,
          official,
        });
      }
      const d = find(cells, 'd', target, latencyMs);
      if (d && baselineD) {
        rows.push({
          what: `(d) CPU per version${suffix}`,
          latencyMs,
          gateway: (of(d, (s) => s.cpuMsPerRequest).median / SCENARIOS.d.versions) * 1000,
          baseline: (of(baselineD, (s) => s.cpuMsPerRequest).median / SCENARIOS.d.versions) * 1000,
          unit: 'µs',
          goal: GOAL.cpuPerVersionD,
          official,
        });
        rows.push({
          what: `(d) p50 latency${suffix}`,
          latencyMs,
          gateway: of(d, (s) => s.p50Ms).median,
          baseline: of(baselineD, (s) => s.p50Ms).median,
          unit: 'ms',
          goal: GOAL.p50D,
          official,
        });
      }
    }
  }
  return rows;
}

function targetsSection(info: RunInfo, cells: readonly Cell[], lowLoad: readonly Cell[]): string[] {
  const latencies = [...new Set(cells.map((cell) => cell.latencyMs))];
  const lines = [
    '| Target | Upstream latency | Gateway | Baseline | Ratio | Goal | Result |',
    '| --- | --: | --: | --: | --: | --: | --- |',
  ];
  for (const row of ratioRows(cells, latencies)) {
    const ratio = row.gateway / row.baseline;
    lines.push(
      `| ${row.what} | ${row.latencyMs} ms | ${fmt(row.gateway)} ${row.unit} | ${fmt(row.baseline)} ${row.unit} | ` +
        `${ratio.toFixed(2)}× | ≤ ${row.goal}× | ${row.official ? met(ratio <= row.goal) : ratio <= row.goal ? 'met' : 'not met'} |`,
    );
  }
  for (const target of ['gateway', 'gateway-nocache'] as const) {
    const mine = [...cells, ...lowLoad].filter((cell) => cell.target === target);
    if (mine.length === 0) continue;
    const peak = Math.max(
      ...mine.flatMap((cell) => cell.samples.map((sample) => sample.peakRssMB)),
    );
    const startup = info.startupRssMB[target] ?? Number.NaN;
    const official = target === 'gateway';
    const ok = Math.max(peak, startup) <= GOAL.peakRssMB;
    lines.push(
      `| Peak RSS of the ${target === 'gateway' ? 'gateway' : 'gateway (cache off, informative)'}, any round (start-up: ${fmt(startup)} MB) | all | ` +
        `${fmt(peak)} MB | | | ≤ ${GOAL.peakRssMB} MB | ${official ? met(ok) : ok ? 'met' : 'not met'} |`,
    );
  }
  const direct = lowLoad.find((cell) => cell.target === 'direct');
  if (direct) {
    const directP50 = of(direct, (s) => s.p50Ms).median;
    // [cell, sequential upstream round trips its answer needs without a cache, label, official]
    const added: [Cell | undefined, number, string, boolean][] = [
      [
        lowLoad.find((c) => c.target === 'gateway' && c.scenario === 'b'),
        1,
        '(b) as deployed − (a)',
        true,
      ],
      [
        lowLoad.find((c) => c.target === 'gateway-nocache' && c.scenario === 'c'),
        1,
        '(c) cache off − (a): one upstream call, informative',
        false,
      ],
      [
        lowLoad.find((c) => c.target === 'gateway-nocache' && c.scenario === 'b'),
        2,
        '(b) cache off − 2 × (a): detail then manifest, informative',
        false,
      ],
      [
        lowLoad.find((c) => c.target === 'baseline' && c.scenario === 'c'),
        1,
        '(c) baseline − (a), for comparison',
        false,
      ],
    ];
    for (const [cell, trips, label, official] of added) {
      if (!cell) continue;
      const p50 = of(cell, (s) => s.p50Ms).median;
      const value = p50 - trips * directP50;
      const ok = value <= GOAL.addedP50Ms;
      lines.push(
        `| Added p50 at low load (1 connection), ${label} | ${lowLoad[0]?.latencyMs ?? 5} ms | ${fmt(p50)} ms | direct ${fmt(directP50)} ms | ` +
          `+${fmt(value)} ms | ≤ +${GOAL.addedP50Ms} ms | ${official ? met(ok) : cell.target === 'baseline' ? 'reference' : ok ? 'met' : 'not met'} |`.replace(
            '+-',
            '−',
          ),
      );
    }
  }
  return lines;
}

/**
 * Wall time of one big `imageVersions` request beside the ideal (the goal is within 1.3×) and
 * beside the same calls made straight to the upstream, which is what the upstream allows.
 */
function dashboardSection(rows: readonly DashboardRow[]): string[] {
  const first = rows[0];
  return [
    `### Dashboards: many versions in one request (${first?.latencyMs ?? 20} ms upstream latency)`,
    '',
    `One \`imageVersions\` request for N distinct versions of demo/ci-builds (cache off, one request ` +
      `at a time, ${first?.requests ?? 0} measured after ${first?.warmups ?? 0} unmeasured). ` +
      'Ideal = N ÷ cap × latency, with cap = `UPSTREAM_CONCURRENCY_PER_REQUEST` at its default. ' +
      'Direct = the same N detail calls sent straight to the demo upstream by a bare undici Pool, ' +
      'cap at a time: the floor that the upstream and the loopback allow (N ÷ cap is not whole, ' +
      'and each call takes a little more than the nominal latency). Gateway − direct is what the ' +
      'gateway itself adds.',
    '',
    '| Refs | Cap | Ideal ms | Direct ms | Gateway ms | Gateway − direct ms | Gateway ÷ ideal | Goal | Upstream calls | Errors |',
    '| --: | --: | --: | --: | --: | --: | --: | --- | --: | --: |',
    ...rows.map((row) => {
      const ratio = row.wallMs.median / row.idealMs;
      const verdict = ratio <= 1.3 ? 'met' : '**not met**';
      return (
        `| ${row.refs} | ${row.cap} | ${fmt(row.idealMs)} | ${fmtSpread(row.directMs)} | ` +
        `${fmtSpread(row.wallMs)} | ${fmt(row.wallMs.median - row.directMs.median)} | ` +
        `${ratio.toFixed(2)}× | ≤ 1.3×: ${verdict} | ${fmtSpread(row.upstreamCalls)} | ${row.errors} |`
      );
    }),
  ];
}

/** The results section of BENCHMARKS.md, also printed to stdout. */
export function renderResults(
  info: RunInfo,
  cells: readonly Cell[],
  lowLoad: readonly Cell[],
  dashboards: readonly DashboardRow[] = [],
): string {
  const versions = Object.entries(info.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const lines = [
    `Run ${info.date} (${(info.wallSeconds / 60).toFixed(1)} min): Node ${info.node}; ${versions}.`,
    `CPU: ${info.cpuModel}, ${info.cores} cores (load average at start ${info.loadAverage.map((n) => n.toFixed(2)).join(' ')}).`,
    `Settings: ${info.durationS} s per round, ${info.rounds} rounds per target alternated round by round ` +
      `(A B C, C B A, …), ${info.warmupS} s unmeasured warm-up per target and scenario, ` +
      `${info.connections} connections; gateway run as \`${info.gateway}\` (\`npm run serve\`)` +
      (info.candidate ? `, candidate as \`${info.candidate}\`. ` : '. ') +
      `Command: \`${info.command}\`.`,
    '',
    'Each cell is the median over the rounds, with (min–max) when they differ; req/s and latency ' +
      "count 2xx responses. CPU is the target process's utime+stime from idle to idle again, per " +
      'request sent (the requests in flight when the load stops are served to the end and counted); ' +
      'peak RSS is its VmHWM, the highest of the rounds ' +
      (info.perRoundPeaks
        ? '(reset before each round)'
        : '(lifetime peak: the kernel refused a reset)') +
      "; upstream calls are the demo upstream's count per request sent. For scenario a the target is the demo upstream itself.",
    '',
    'Scenarios: ' +
      SCENARIO_IDS.map((id) => `(${id}) ${SCENARIOS[id].title}`).join('; ') +
      '. Targets: `direct` = the demo upstream; `gateway` = the compiled gateway as deployed (info logging ' +
      'to a drained pipe, metrics, limits, in-memory cache, SUBGRAPH_SECRET set); ' +
      '`gateway-nocache` = the same with CACHE_TTL_TAG_MS=CACHE_TTL_DIGEST_MS=0 (in-flight ' +
      'coalescing stays on); `baseline` = bench/baseline (Apollo Server standalone + RESTDataSource).',
    '',
    '### Throughput, latency, cost',
    '',
    ...resultsTable(cells),
    '',
    '### Targets',
    '',
    ...targetsSection(info, cells, lowLoad),
    '',
  ];
  if (lowLoad.length > 0) {
    lines.push(
      '### Low load (1 connection, 5 ms upstream latency)',
      '',
      ...resultsTable(lowLoad),
      '',
    );
  }
  if (dashboards.length > 0) lines.push(...dashboardSection(dashboards), '');
  if (info.dataChecks.length > 0) {
    lines.push('### Same data', '', ...info.dataChecks.map((note) => `- ${note}`), '');
  }
  return lines.join('\n');
}

/** Replaces the generated section of `file` (between the markers), keeping the rest. */
export function writeResults(file: string, markdown: string): void {
  const block = `${RESULTS_START}\n\n${markdown}\n${RESULTS_END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next =
    start !== -1 && end > start
      ? current.slice(0, start) + block + current.slice(end + RESULTS_END.length)
      : `${current || '# Benchmarks\n\n## Results\n\n'}${block}\n`;
  writeFileSync(file, next);
}
