import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/*
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) by self time: the functions, and the
 * packages or source folders, where the process spent its CPU. Optionally only within a window of
 * the monotonic clock (microseconds, as `process.hrtime.bigint() / 1000n` reads it on Linux), so
 * start-up and shutdown can be left out.
 *
 *   node bench/cpuprofileSummary.ts <file.cpuprofile> [--top 10] [--from-us N] [--to-us N]
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SummaryRow {
  readonly name: string;
  readonly selfMs: number;
  /** Share of the busy (non-idle) time in the window. */
  readonly percent: number;
}

export interface ProfileSummary {
  /** Length of the summarised window. */
  readonly windowMs: number;
  /** Time not spent idle. */
  readonly busyMs: number;
  readonly functions: readonly SummaryRow[];
  readonly modules: readonly SummaryRow[];
  /** The gateway's own functions (`/src/` or `/dist/`) by total time: their own plus their callees'. */
  readonly sourceTotals: readonly SummaryRow[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Where the gateway's own code starts in a script URL: its sources (`/src/`, when run as
 * TypeScript) or their compiled output (`/dist/`, as deployed); -1 for anything else.
 */
function ownCodeIndex(url: string): number {
  if (url.includes('/node_modules/')) return -1;
  const src = url.indexOf('/src/');
  return src !== -1 ? src : url.indexOf('/dist/');
}

/** `file:///…/node_modules/@scope/pkg/lib/x.js` → `@scope/pkg`; `file:///…/src/a/b.ts` → `src/a`. */
export function moduleOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) && frame.url === '') return frame.functionName;
  const { url } = frame;
  if (url === '') return '(V8 builtins / native)';
  if (url.startsWith('node:')) return 'node: (Node.js core)';
  const nodeModules = url.lastIndexOf('/node_modules/');
  if (nodeModules !== -1) {
    const [first = '', second = ''] = url.slice(nodeModules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const src = ownCodeIndex(url);
  if (src !== -1) {
    const parts = url.slice(src + 1).split('/');
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  return url.replace(/^file:\/\//, '');
}

function locationOf(frame: CallFrame): string {
  if (frame.url === '') return '';
  const nodeModules = frame.url.lastIndexOf('/node_modules/');
  const src = ownCodeIndex(frame.url);
  const path =
    nodeModules !== -1
      ? frame.url.slice(nodeModules + '/node_modules/'.length)
      : src !== -1
        ? frame.url.slice(src + 1)
        : frame.url.replace(/^file:\/\//, '');
  return `${path}:${frame.lineNumber + 1}`;
}

function nameOf(frame: CallFrame): string {
  const location = locationOf(frame);
  return `${frame.functionName || '(anonymous)'}${location ? ` ${location}` : ''}`;
}

function rows(totals: Map<string, number>, busyMs: number, top: number): SummaryRow[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfMs]) => ({ name, selfMs, percent: (100 * selfMs) / busyMs }));
}

export function summarizeProfile(
  profile: CpuProfile,
  options: { readonly top?: number; readonly fromUs?: number; readonly toUs?: number } = {},
): ProfileSummary {
  const top = options.top ?? 10;
  const fromUs = options.fromUs ?? profile.startTime;
  const toUs = options.toUs ?? profile.endTime;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const byFunction = new Map<string, number>();
  const sourceTotals = new Map<string, number>();
  const byModule = new Map<string, number>();
  let busyUs = 0;
  let timestamp = profile.startTime;
  const count = profile.samples.length;
  for (let index = 0; index < count; index++) {
    timestamp += profile.timeDeltas[index] ?? 0;
    // As DevTools does: a sample lasts until the next one.
    const next =
      index + 1 < count ? timestamp + (profile.timeDeltas[index + 1] ?? 0) : profile.endTime;
    if (timestamp < fromUs || timestamp > toUs) continue;
    const sampled = profile.samples[index] ?? -1;
    const frame = frames.get(sampled);
    if (!frame || frame.functionName === '(idle)') continue;
    const duration = Math.max(0, next - timestamp);
    busyUs += duration;
    const name = nameOf(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + duration / 1000);
    const module = moduleOf(frame);
    byModule.set(module, (byModule.get(module) ?? 0) + duration / 1000);
    // Each gateway function on the stack once, however often it recurses.
    const onStack = new Set<string>();
    for (let id: number | undefined = sampled; id !== undefined; id = parents.get(id)) {
      const caller = frames.get(id);
      if (caller && ownCodeIndex(caller.url) !== -1) onStack.add(nameOf(caller));
    }
    for (const key of onStack)
      sourceTotals.set(key, (sourceTotals.get(key) ?? 0) + duration / 1000);
  }
  const busyMs = busyUs / 1000;
  return {
    windowMs: (Math.min(toUs, profile.endTime) - Math.max(fromUs, profile.startTime)) / 1000,
    busyMs,
    functions: rows(byFunction, busyMs, top),
    modules: rows(byModule, busyMs, top),
    sourceTotals: rows(sourceTotals, busyMs, top),
  };
}

export function renderSummary(summary: ProfileSummary): string {
  const table = (title: string, list: readonly SummaryRow[]): string[] => [
    `| ${title} | self ms | % of busy |`,
    '| --- | --: | --: |',
    ...list.map(
      (row) =>
        `| \`${row.name.replaceAll('|', '\\|')}\` | ${row.selfMs.toFixed(0)} | ${row.percent.toFixed(1)} % |`,
    ),
  ];
  return [
    `Window ${(summary.windowMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(1)} s of CPU on the main thread.`,
    '',
    ...table('Function (self time)', summary.functions),
    '',
    ...table('Package or source folder (self time)', summary.modules),
    '',
    ...table(
      'Gateway function (src/, or dist/ as compiled; total time: self + callees)',
      summary.sourceTotals,
    ),
  ].join('\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string' },
      'from-us': { type: 'string' },
      'to-us': { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file) {
    process.stderr.write(
      'usage: node bench/cpuprofileSummary.ts <file.cpuprofile> [--top 10] [--from-us N] [--to-us N]\n',
    );
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile, {
    top: values.top === undefined ? 10 : Number(values.top),
    ...(values['from-us'] === undefined ? {} : { fromUs: Number(values['from-us']) }),
    ...(values['to-us'] === undefined ? {} : { toUs: Number(values['to-us']) }),
  });
  process.stdout.write(`${renderSummary(summary)}\n`);
}
