import type { DemoEndpoint } from './routes.ts';

export interface RecordedRequest {
  readonly method: string;
  /** The raw pathname, percent-encoding kept. */
  readonly path: string;
  /** Decoded query parameters; the first value wins when a name repeats. */
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly endpoint: DemoEndpoint;
  /** The user the access token belongs to; null without a valid token. */
  readonly user: string | null;
}

/** A request as recorded: headers stay raw until read, to keep the per-request cost small. */
export type LogEntry = Omit<RecordedRequest, 'headers'> & {
  readonly rawHeaders: readonly string[];
};

export interface RequestLog {
  record(entry: LogEntry): void;
  /** The newest `limit` requests, oldest first. */
  requests(): readonly RecordedRequest[];
  /** Every request since `clear()`, for one endpoint or all, however many the log kept. */
  count(endpoint?: DemoEndpoint): number;
  clear(): void;
}

/** Keeps at most `limit` requests so that long benchmarks do not grow memory. */
export function createRequestLog(limit: number): RequestLog {
  let entries: LogEntry[] = [];
  const counts = new Map<DemoEndpoint, number>();
  let total = 0;
  return {
    record(entry) {
      total += 1;
      counts.set(entry.endpoint, (counts.get(entry.endpoint) ?? 0) + 1);
      entries.push(entry);
      // Trimming in batches keeps recording O(1) amortized.
      if (entries.length >= 2 * limit) entries = entries.slice(-limit);
    },
    requests: () => entries.slice(-limit).map(toRecordedRequest),
    count: (endpoint) => (endpoint === undefined ? total : (counts.get(endpoint) ?? 0)),
    clear() {
      entries = [];
      counts.clear();
      total = 0;
    },
  };
}

function toRecordedRequest({ rawHeaders, ...entry }: LogEntry): RecordedRequest {
  const headers = new Map<string, string>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  return { ...entry, headers: Object.fromEntries(headers) };
}
