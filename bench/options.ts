import { parseArgs } from 'node:util';
import { deployedGateway } from './lib/deployment.ts';
import { SCENARIO_IDS, TARGET_IDS, type ScenarioId, type TargetId } from './scenarios.ts';

export interface BenchOptions {
  /** Seconds of load per round. */
  readonly durationS: number;
  /** Rounds per target, alternated A B B A …; medians over them. */
  readonly rounds: number;
  /** Unmeasured seconds of load per target before the rounds of each scenario. */
  readonly warmupS: number;
  readonly connections: number;
  readonly scenarios: readonly ScenarioId[];
  /** Upstream latencies, milliseconds. */
  readonly latencies: readonly number[];
  /** GraphQL targets in scenarios b–e (scenario a always runs `direct`). */
  readonly targets: readonly TargetId[];
  /** The 1-connection, 5 ms measurement of added latency. */
  readonly lowLoad: boolean;
  /** The dashboard wall-time measurement (100 and 500 refs at 20 ms upstream latency). */
  readonly dashboard: boolean;
  /** Where the results go besides stdout; undefined: nowhere. */
  readonly out: string | undefined;
  /** The gateway processes' entry and Node flags: `npm run serve` by default. */
  readonly gatewayEntry: string;
  readonly gatewayNodeArgs: readonly string[];
  /** The `candidate` target: its entry file and Node flags. */
  readonly candidateEntry: string;
  readonly candidateNodeArgs: readonly string[];
}

const HELP = `Usage: node bench/run.ts [options]   (every option also has an env variable)

  --duration <s>       BENCH_DURATION_S    seconds per round (default 5)
  --rounds <n>         BENCH_ROUNDS        rounds per target (default 3)
  --warmup <s>         BENCH_WARMUP_S      warm-up per target and scenario (default 2)
  --connections <n>    BENCH_CONNECTIONS   connections (default 32)
  --scenarios <list>   BENCH_SCENARIOS     e.g. b,d (default a,b,c,d,e)
  --latencies <list>   BENCH_LATENCIES     upstream latencies in ms (default 0,5)
  --targets <list>     BENCH_TARGETS       gateway,gateway-nocache,baseline (default all three)
  --no-low-load        BENCH_LOW_LOAD=0    skip the 1-connection added-latency measurement
  --no-dashboard       BENCH_DASHBOARD=0   skip the 100/500-ref dashboard wall-time measurement
  --out <file>         BENCH_OUT           results file (default BENCHMARKS.md; "-" for none)
  --gateway-node-args  BENCH_GATEWAY_NODE_ARGS  (default: the flags of "npm run serve")
  --candidate-entry    BENCH_CANDIDATE_ENTRY      entry of the "candidate" gateway (default: the gateway's)
  --candidate-node-args BENCH_CANDIDATE_NODE_ARGS its Node flags (default: the gateway's)

A/B a patched copy or other flags in one run, e.g.
  BENCH_TARGETS=gateway,candidate BENCH_CANDIDATE_ENTRY=/tmp/patched/dist/main.js npm run bench

Smoke run: BENCH_DURATION_S=1 BENCH_ROUNDS=1 BENCH_WARMUP_S=0 BENCH_SCENARIOS=b,d BENCH_OUT=- npm run bench
`;

function number(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number ≥ ${min}, got "${text}"`);
  return value;
}

function list<T extends string>(
  name: string,
  text: string | undefined,
  allowed: readonly T[],
  fallback: readonly T[],
): T[] {
  if (text === undefined || text === '') return [...fallback];
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const wrong = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (wrong.length > 0 || items.length === 0) {
    throw new Error(`${name} takes a comma-separated list of ${allowed.join(', ')}; got "${text}"`);
  }
  return items as T[];
}

/** Space-separated words; undefined when unset (an empty value means "no flags"). */
function words(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(' ').filter(Boolean);
}

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      scenarios: { type: 'string' },
      latencies: { type: 'string' },
      targets: { type: 'string' },
      'no-low-load': { type: 'boolean' },
      'no-dashboard': { type: 'boolean' },
      out: { type: 'string' },
      'gateway-node-args': { type: 'string' },
      'candidate-entry': { type: 'string' },
      'candidate-node-args': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const latencies = (values.latencies ?? env['BENCH_LATENCIES'] ?? '0,5')
    .split(',')
    .map((item) => number('latency', item.trim(), Number.NaN, 0));
  const out = values.out ?? env['BENCH_OUT'] ?? 'BENCHMARKS.md';
  const deployed = deployedGateway();
  const gatewayNodeArgs =
    words(values['gateway-node-args'] ?? env['BENCH_GATEWAY_NODE_ARGS']) ?? deployed.nodeArgs;
  return {
    durationS: number('duration', values.duration ?? env['BENCH_DURATION_S'], 5, 0.5),
    rounds: Math.round(number('rounds', values.rounds ?? env['BENCH_ROUNDS'], 3, 1)),
    warmupS: number('warmup', values.warmup ?? env['BENCH_WARMUP_S'], 2, 0),
    connections: Math.round(
      number('connections', values.connections ?? env['BENCH_CONNECTIONS'], 32, 1),
    ),
    scenarios: list(
      'scenarios',
      values.scenarios ?? env['BENCH_SCENARIOS'],
      SCENARIO_IDS,
      SCENARIO_IDS,
    ),
    latencies,
    targets: list(
      'targets',
      values.targets ?? env['BENCH_TARGETS'],
      TARGET_IDS.filter((id) => id !== 'direct'),
      ['gateway', 'gateway-nocache', 'baseline'],
    ),
    lowLoad: !(values['no-low-load'] ?? env['BENCH_LOW_LOAD'] === '0'),
    dashboard: !(values['no-dashboard'] ?? env['BENCH_DASHBOARD'] === '0'),
    out: out === '-' || out === '' ? undefined : out,
    gatewayEntry: deployed.entry,
    gatewayNodeArgs,
    candidateEntry: values['candidate-entry'] ?? env['BENCH_CANDIDATE_ENTRY'] ?? deployed.entry,
    candidateNodeArgs:
      words(values['candidate-node-args'] ?? env['BENCH_CANDIDATE_NODE_ARGS']) ?? gatewayNodeArgs,
  };
}
