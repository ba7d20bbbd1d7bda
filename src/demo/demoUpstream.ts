import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userForToken } from './accessTokens.ts';
import { answerRequest } from './answerRequest.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { faultMatches, faultReply, faultTarget, type Fault, type FaultMatch } from './faults.ts';
import { REPOSITORIES } from './fixtures.ts';
import { createInFlightGauge } from './inFlightGauge.ts';
import { createRequestLog, type RecordedRequest } from './requestLog.ts';
import type { Reply, ReplyContext } from './responses.ts';
import { parseRoute, type DemoEndpoint, type Route } from './routes.ts';

export type { RecordedRequest } from './requestLog.ts';
export type { Fault, FaultMatch } from './faults.ts';
export type { DemoEndpoint } from './routes.ts';

export interface DemoUpstreamOptions {
  /** Defaults to `127.0.0.1`. */
  readonly host?: string;
  /** Defaults to 0: any free port. */
  readonly port?: number;
  /** Where bk-repo's OCI service is mounted; defaults to `/api/open/CPack/repo-oci`. */
  readonly prefix?: string;
  /** Milliseconds to wait before every answer; defaults to 0. */
  readonly latencyMs?: number;
  /**
   * How many requests `requests()` keeps, dropping the oldest, so long benchmarks do not grow
   * memory; defaults to 10 000. `callCount` stays exact.
   */
  readonly requestLogLimit?: number;
}

export interface DemoUpstream extends AsyncDisposable {
  /** The base URL including the prefix, e.g. `http://127.0.0.1:43121/api/open/CPack/repo-oci`. */
  readonly url: string;
  requests(): readonly RecordedRequest[];
  /** Empties the request log and the call counts. */
  clearRequests(): void;
  /** Requests since the last `clearRequests()`, for one endpoint or all. */
  callCount(endpoint?: DemoEndpoint): number;
  /**
   * The most requests handled at once since `resetMaxInFlight()`, for one endpoint or all; a
   * request counts from its arrival until its response ends, latency included.
   */
  maxInFlight(endpoint?: DemoEndpoint): number;
  resetMaxInFlight(): void;
  setLatency(ms: number): void;
  /** Adds a fault for the requests `match` selects (all if omitted); the first added match wins. */
  setFault(fault: Fault, match?: FaultMatch): void;
  clearFaults(): void;
  /** Stops listening and destroys every connection, idle keep-alive and hanging ones included. */
  close(): Promise<void>;
}

const DEFAULT_PREFIX = '/api/open/CPack/repo-oci';
const DEFAULT_LOG_LIMIT = 10_000;

// The fixtures never change, so every server shares one catalog, built on the first start.
let sharedCatalog: Catalog | undefined;

/** Starts a bk-repo-compatible HTTP server over the demo fixtures. */
export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const host = options.host ?? '127.0.0.1';
  const prefix = normalizePrefix(options.prefix ?? DEFAULT_PREFIX);
  const logLimit = options.requestLogLimit ?? DEFAULT_LOG_LIMIT;
  if (!Number.isInteger(logLimit) || logLimit < 1) {
    throw new RangeError(`requestLogLimit must be a positive integer, got ${logLimit}`);
  }
  let latencyMs = checkedDelay('latencyMs', options.latencyMs ?? 0);
  sharedCatalog ??= buildCatalog(REPOSITORIES);
  const catalog = sharedCatalog;

  const log = createRequestLog(logLimit);
  const inFlight = createInFlightGauge();
  const faults: { readonly fault: Fault; readonly match: FaultMatch }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const nextContext = traceContexts();

  function findFault(route: Route, query: Readonly<Record<string, string>>): Fault | undefined {
    if (faults.length === 0) return undefined;
    const target = faultTarget(catalog, route, query);
    return faults.find(({ match }) => faultMatches(match, target))?.fault;
  }

  function later(delayMs: number, action: () => void): void {
    if (delayMs === 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    const route = parseRoute(pathname, prefix);
    response.once('close', inFlight.enter(route.endpoint));

    const query = queryStart === -1 ? {} : parseQuery(url.slice(queryStart + 1));
    const token = request.headers['x-devops-access-token'];
    const user = userForToken(typeof token === 'string' ? token : undefined);
    const method = request.method ?? 'GET';
    log.record({
      method,
      path: pathname,
      query,
      rawHeaders: request.rawHeaders,
      endpoint: route.endpoint,
      user: user?.name ?? null,
    });

    const fault = findFault(route, query);
    if (fault?.kind === 'hang') return;
    const delayMs = latencyMs + (fault?.kind === 'delay' ? fault.ms : 0);
    if (fault?.kind === 'reset') {
      later(delayMs, () => request.socket.destroy());
      return;
    }
    const context = nextContext();
    const reply =
      fault === undefined || fault.kind === 'delay'
        ? answerRequest({ method, pathname, route, query, user }, catalog, context)
        : faultReply(fault, context);
    later(delayMs, () => send(response, reply));
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${prefix}`,
    requests: () => log.requests(),
    clearRequests: () => log.clear(),
    callCount: (endpoint) => log.count(endpoint),
    maxInFlight: (endpoint) => inFlight.peak(endpoint),
    resetMaxInFlight: () => inFlight.resetPeaks(),
    setLatency: (ms) => {
      latencyMs = checkedDelay('latency', ms);
    },
    setFault: (fault, match = {}) => {
      if (fault.kind === 'delay') checkedDelay('delay fault ms', fault.ms);
      faults.push({ fault, match });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

function parseQuery(search: string): Record<string, string> {
  const query = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (!query.has(name)) query.set(name, value);
  }
  return Object.fromEntries(query);
}

function send(response: ServerResponse, reply: Reply): void {
  // The client may have given up during the latency.
  if (response.destroyed) return;
  response.setHeader('content-length', Buffer.byteLength(reply.body));
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

/** Trace ids as bk-repo shows them (32 hex); a random prefix and a counter keep them unique. */
function traceContexts(): () => ReplyContext {
  const prefix = randomBytes(8).toString('hex');
  let counter = 0;
  return () => {
    counter += 1;
    const spanId = counter.toString(16).padStart(16, '0');
    return { traceId: prefix + spanId, spanId, timeZoneHeader: true };
  };
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function checkedDelay(name: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${name} must be a finite number of milliseconds >= 0, got ${ms}`);
  }
  return ms;
}
