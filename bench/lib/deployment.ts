import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How the gateway runs in production: the `serve` script of package.json, split into its parts. */
export interface Deployment {
  /** Node flags, e.g. the heap limits the README recommends. */
  readonly nodeArgs: readonly string[];
  /** The compiled entry, e.g. `dist/main.js` (`npm run build` makes it). */
  readonly entry: string;
}

/**
 * Reads the deployment command from package.json, so the benchmark measures exactly what
 * `npm run serve` runs and the flags live in one place.
 */
export function deployedGateway(): Deployment {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { scripts?: Record<string, string> };
  const words = (manifest.scripts?.['serve'] ?? '').trim().split(/\s+/);
  const entry = words.at(-1);
  if (words[0] !== 'node' || entry === undefined || entry.startsWith('-')) {
    throw new Error('package.json needs a "serve" script of the form "node [flags] <entry>"');
  }
  return { nodeArgs: words.slice(1, -1), entry };
}

/** Compiles the gateway as `npm run build` does, so every run measures the code in the tree. */
export function buildGateway(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
