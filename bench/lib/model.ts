import type { ScenarioId, TargetId } from '../scenarios.ts';

/** What one round of load on one target measured. */
export interface RoundSample {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /**
   * The target process's user + system CPU per request sent, measured until it is idle again (so
   * the requests still in flight when the load stops are paid for and counted).
   */
  readonly cpuMsPerRequest: number;
  /** The target process's VmHWM during the round, MB (10^6 bytes). */
  readonly peakRssMB: number;
  /** Demo upstream calls per request sent, counted the same way. */
  readonly upstreamCallsPerRequest: number;
  readonly errors: number;
}

/** Every round of one target in one scenario at one upstream latency. */
export interface Cell {
  readonly scenario: ScenarioId;
  readonly latencyMs: number;
  readonly target: TargetId;
  readonly connections: number;
  readonly samples: RoundSample[];
}

export interface RunInfo {
  readonly date: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly cpuModel: string;
  readonly cores: number;
  readonly loadAverage: readonly number[];
  readonly wallSeconds: number;
  readonly durationS: number;
  readonly rounds: number;
  readonly warmupS: number;
  readonly connections: number;
  /** How the `gateway` target ran: `npm run serve`'s command unless overridden. */
  readonly gateway: string;
  /** How the `candidate` target ran, when it did. */
  readonly candidate: string | undefined;
  /** VmHWM of each target right after start-up, MB. */
  readonly startupRssMB: Readonly<Partial<Record<TargetId, number>>>;
  /** Whether VmHWM could be reset per round (else peaks are lifetime peaks). */
  readonly perRoundPeaks: boolean;
  /** Results of comparing the gateway's and the baseline's data. */
  readonly dataChecks: readonly string[];
  readonly command: string;
}
