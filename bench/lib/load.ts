import autocannon from 'autocannon';
import { request as undiciRequest } from 'undici';
import { percentile } from './stats.ts';

/** One HTTP request, as autocannon repeats it. */
export interface LoadRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Cheap check of every response body; a false answer counts as an error. */
  readonly verifyBody: (body: string) => boolean;
}

export interface LoadResult {
  /** Responses with a 2xx status. */
  readonly requests: number;
  /**
   * Requests sent, answered or not: the run ends with one request in flight per connection, which
   * the server still serves after autocannon hangs up.
   */
  readonly sent: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Milliseconds, exact (from every 2xx response's own time, not autocannon's 1 ms histogram). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors, timeouts, non-2xx statuses and bodies that failed `verifyBody`. */
  readonly errors: number;
}

/** Drives `connections` keep-alive connections at `request` for `seconds`, as fast as it answers. */
export async function runLoad(
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 14);
  let count = 0;
  const started = performance.now();
  const instance = autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    connections,
    duration: seconds,
    timeout: 30,
    verifyBody: request.verifyBody,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode < 200 || statusCode > 299) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTimeMs;
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.subarray(0, count).sort();
  return {
    requests: count,
    sent: result.requests.sent,
    seconds: elapsed,
    requestsPerSecond: count / elapsed,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/**
 * One request outside the load: to check that a target answers a scenario correctly, or to time
 * one whole request. undici's `request()` on its global keep-alive agent, which costs the harness
 * less than `fetch`, so little of the client lands in a timed request.
 */
export async function sendOnce(
  request: Omit<LoadRequest, 'verifyBody'>,
): Promise<{ status: number; body: string }> {
  const response = await undiciRequest(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return { status: response.statusCode, body: await response.body.text() };
}
