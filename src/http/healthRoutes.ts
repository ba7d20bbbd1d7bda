import type { FastifyInstance } from 'fastify';

export interface Readiness {
  /** True once the gateway can serve, false again as soon as shutdown begins. */
  ready: boolean;
}

/**
 * `/healthz` answers while the process lives (liveness); `/readyz` only while it can take traffic,
 * so a load balancer stops sending requests before shutdown closes the listener.
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  const quiet = { logLevel: 'warn' as const, config: { disableMetrics: true } };
  app.get('/healthz', quiet, async () => ({ status: 'ok' }));
  app.get('/readyz', quiet, async (_request, reply) => {
    if (readiness.ready) return { status: 'ready' };
    return reply.code(503).send({ status: 'shutting down' });
  });
}
