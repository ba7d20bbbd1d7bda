import { z } from 'zod';
import { parseTimeZone, type TimeZone } from '../domain/timeZone.ts';

/** The resolved settings of one gateway process. Read once at start-up; never changes. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Base URL of bk-repo's OCI service up to its prefix; undefined starts the built-in demo upstream. */
  readonly upstreamUrl: URL | undefined;
  readonly upstreamTimeoutMs: number;
  readonly upstreamConnectTimeoutMs: number;
  readonly upstreamConnections: number;
  readonly upstreamMaxResponseBytes: number;
  readonly upstreamTimeZone: TimeZone;
  readonly upstreamConcurrencyPerRequest: number;
  readonly logLevel: LogLevel;
  readonly maxBodyBytes: number;
  readonly maxQueryTokens: number;
  readonly maxQueryDepth: number;
  readonly maxQueryAliases: number;
  readonly maxRefsPerQuery: number;
  readonly introspection: boolean;
  readonly shutdownGraceMs: number;
  readonly shutdownDelayMs: number;
  readonly cacheUrl: URL | undefined;
  readonly cacheTtlTagMs: number;
  readonly cacheTtlDigestMs: number;
  readonly cacheMaxEntries: number;
  /** Bound of the in-memory cache in megabytes of (estimated) heap. */
  readonly cacheMaxMb: number;
  readonly subgraphSecret: string | undefined;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every problem with the environment, reported together so one restart fixes them all. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((value) => value ?? fallback);

const boolean = (fallback: boolean | undefined) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

const httpUrl = (protocols: readonly string[], example: string) =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      const url = URL.parse(value);
      if (!url || !protocols.includes(url.protocol) || url.search || url.hash) {
        context.addIssue({ code: 'custom', message: `must be a URL such as ${example}` });
        return z.NEVER;
      }
      return url;
    })
    .optional();

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const envSchema = z.object({
  PORT: integer(0, 65_535, 4000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  UPSTREAM_URL: httpUrl(['http:', 'https:'], 'https://devops.example.com/api/open/CPack/repo-oci'),
  UPSTREAM_TIMEOUT_MS: integer(100, 10 * MINUTE, 10 * SECOND),
  UPSTREAM_CONNECT_TIMEOUT_MS: integer(100, MINUTE, 3 * SECOND),
  UPSTREAM_CONNECTIONS: integer(1, 1024, 64),
  UPSTREAM_MAX_RESPONSE_BYTES: integer(1024, 256 * 1024 * 1024, 8 * 1024 * 1024),
  UPSTREAM_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .transform((value, context) => {
      const zone = parseTimeZone(value);
      if (!zone) {
        context.addIssue({
          code: 'custom',
          message: 'must be UTC, an offset such as +08:00, or an IANA zone such as Asia/Shanghai',
        });
        return z.NEVER;
      }
      return zone;
    }),
  UPSTREAM_CONCURRENCY_PER_REQUEST: integer(1, 1024, 16),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  MAX_BODY_BYTES: integer(1024, 64 * 1024 * 1024, 1024 * 1024),
  MAX_QUERY_TOKENS: integer(100, 1_000_000, 10_000),
  MAX_QUERY_DEPTH: integer(2, 100, 12),
  MAX_QUERY_ALIASES: integer(1, 10_000, 50),
  MAX_REFS_PER_QUERY: integer(1, 10_000, 500),
  GRAPHQL_INTROSPECTION: boolean(undefined),
  SHUTDOWN_GRACE_MS: integer(0, 10 * MINUTE, 10 * SECOND),
  SHUTDOWN_DELAY_MS: integer(0, 10 * MINUTE, 0),
  CACHE_URL: httpUrl(['redis:', 'rediss:'], 'redis://localhost:6379'),
  CACHE_TTL_TAG_MS: integer(0, 24 * 60 * MINUTE, 5 * SECOND),
  CACHE_TTL_DIGEST_MS: integer(0, 7 * 24 * 60 * MINUTE, 10 * MINUTE),
  CACHE_MAX_ENTRIES: integer(1, 10_000_000, 10_000),
  CACHE_MAX_MB: integer(1, 64 * 1024, 32),
  SUBGRAPH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Reads and checks every setting once. Throws a ConfigError that lists all problems. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable means "not set", as in most shells' `VAR=` idiom.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((name) => {
      const value = env[name];
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`),
    );
  }
  const env_ = parsed.data;
  return Object.freeze({
    port: env_.PORT,
    host: env_.HOST,
    upstreamUrl: env_.UPSTREAM_URL,
    upstreamTimeoutMs: env_.UPSTREAM_TIMEOUT_MS,
    upstreamConnectTimeoutMs: env_.UPSTREAM_CONNECT_TIMEOUT_MS,
    upstreamConnections: env_.UPSTREAM_CONNECTIONS,
    upstreamMaxResponseBytes: env_.UPSTREAM_MAX_RESPONSE_BYTES,
    upstreamTimeZone: env_.UPSTREAM_TIME_ZONE,
    upstreamConcurrencyPerRequest: env_.UPSTREAM_CONCURRENCY_PER_REQUEST,
    logLevel: env_.LOG_LEVEL,
    maxBodyBytes: env_.MAX_BODY_BYTES,
    maxQueryTokens: env_.MAX_QUERY_TOKENS,
    maxQueryDepth: env_.MAX_QUERY_DEPTH,
    maxQueryAliases: env_.MAX_QUERY_ALIASES,
    maxRefsPerQuery: env_.MAX_REFS_PER_QUERY,
    // Introspection serves newcomers on the demo upstream; against a real bk-repo it is opt-in.
    introspection: env_.GRAPHQL_INTROSPECTION ?? env_.UPSTREAM_URL === undefined,
    shutdownGraceMs: env_.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: env_.SHUTDOWN_DELAY_MS,
    cacheUrl: env_.CACHE_URL,
    cacheTtlTagMs: env_.CACHE_TTL_TAG_MS,
    cacheTtlDigestMs: env_.CACHE_TTL_DIGEST_MS,
    cacheMaxEntries: env_.CACHE_MAX_ENTRIES,
    cacheMaxMb: env_.CACHE_MAX_MB,
    subgraphSecret: env_.SUBGRAPH_SECRET,
  });
}

/** A configuration with every default, for tests and embedding; `overrides` win. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig({}), ...overrides });
}
