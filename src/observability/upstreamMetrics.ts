import type { FastifyInstance } from 'fastify';
import type { UpstreamCallEvent } from '../upstream/BkRepoClient.ts';

/**
 * Prometheus metrics of upstream calls, labelled by endpoint and outcome (a catalogue code or
 * `ok`): never by token, URL or version, which would be secret or unbounded.
 */
export function createUpstreamMetrics(app: FastifyInstance): (event: UpstreamCallEvent) => void {
  const { client } = app.metrics;
  const calls = new client.Counter({
    name: 'bkrepo_gateway_upstream_requests_total',
    help: 'Calls to bk-repo, by endpoint and outcome.',
    labelNames: ['endpoint', 'outcome'],
  });
  const duration = new client.Histogram({
    name: 'bkrepo_gateway_upstream_request_duration_seconds',
    help: 'Duration of calls to bk-repo, by endpoint.',
    labelNames: ['endpoint'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  return (event) => {
    calls.inc({ endpoint: event.endpoint, outcome: event.outcome });
    duration.observe({ endpoint: event.endpoint }, event.durationMs / 1000);
  };
}
