import type { DemoEndpoint } from './routes.ts';

/** Requests being handled, in all and per endpoint, and the most seen at once. */
export interface InFlightGauge {
  /** Counts a request in; the returned function counts it out. */
  enter(endpoint: DemoEndpoint): () => void;
  peak(endpoint?: DemoEndpoint): number;
  /** Restarts the peaks from the requests in flight now. */
  resetPeaks(): void;
}

export function createInFlightGauge(): InFlightGauge {
  type Key = DemoEndpoint | 'all';
  const current = new Map<Key, number>();
  const peaks = new Map<Key, number>();
  const add = (key: Key, delta: number): void => {
    const value = (current.get(key) ?? 0) + delta;
    current.set(key, value);
    if (value > (peaks.get(key) ?? 0)) peaks.set(key, value);
  };
  return {
    enter(endpoint) {
      add('all', 1);
      add(endpoint, 1);
      return () => {
        add('all', -1);
        add(endpoint, -1);
      };
    },
    peak: (endpoint) => peaks.get(endpoint ?? 'all') ?? 0,
    resetPeaks() {
      peaks.clear();
      for (const [key, value] of current) peaks.set(key, value);
    },
  };
}
