import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyMetrics from 'fastify-metrics';
import { createApolloServer } from './apolloServer.ts';
import type { Config } from './config/config.ts';
import { createContext, type GatewayContext } from './context.ts';
import { registerHealthRoutes, type Readiness } from './http/healthRoutes.ts';
import { OneLineRequestLog } from './observability/OneLineRequestLog.ts';
import { createUpstreamMetrics } from './observability/upstreamMetrics.ts';
import { BkRepoClient } from './upstream/BkRepoClient.ts';
import { createVersionSource } from './upstream/createVersionSource.ts';

export interface Gateway {
  readonly app: FastifyInstance;
  /** Starts listening; resolves to the GraphQL endpoint's URL. */
  listen(): Promise<string>;
  /**
   * Fails readiness at once, keeps serving for `shutdownDelayMs`, then stops taking requests,
   * finishes those in flight, and closes Apollo, the upstream pool and the cache. Safe to call
   * more than once.
   */
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Where bk-repo is; the process entry passes the demo upstream's URL when none is configured. */
  readonly upstreamUrl: URL;
}

const TOKEN_HEADER = 'x-devops-access-token';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The composition root: builds the HTTP server, Apollo, the upstream client and their wiring. */
export async function createGateway(config: Config, options: GatewayOptions): Promise<Gateway> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers["x-devops-access-token"]', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    bodyLimit: config.maxBodyBytes,
    // Reuse a caller's request id when it is safe to log and forward; otherwise make one.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logController: new OneLineRequestLog(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const readiness: Readiness = { ready: false };

  // fastify-metrics is CommonJS compiled from ESM: its plugin is the `default` property.
  await app.register(fastifyMetrics.default, {
    endpoint: '/metrics',
    clearRegisterOnInit: true,
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      routeBlacklist: ['/metrics', '/healthz', '/readyz'],
    },
  });

  const client = new BkRepoClient({
    baseUrl: options.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    connectTimeoutMs: config.upstreamConnectTimeoutMs,
    connections: config.upstreamConnections,
    maxResponseBytes: config.upstreamMaxResponseBytes,
    timeZone: config.upstreamTimeZone,
    onCall: createUpstreamMetrics(app),
  });
  const source = await createVersionSource(client, config, app.log);

  const apollo = createApolloServer(config, app.log);
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest): Promise<GatewayContext> =>
      createContext({
        caller: { token: tokenOf(request), requestId: request.id },
        source,
        config,
        log: request.log,
      }),
  });

  registerHealthRoutes(app, readiness);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // During shutdown, keep-alive connections end with their last response, so closing never
    // waits for a client to hang up.
    if (!readiness.ready) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    readiness.ready = false;
  });
  app.addHook('onClose', async () => {
    await apollo.stop();
    await Promise.all([client.close(), source.close?.()]);
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    async listen() {
      const address = await app.listen({ port: config.port, host: config.host });
      readiness.ready = true;
      return `${address}/graphql`;
    },
    close() {
      readiness.ready = false;
      // Keep serving while load balancers notice /readyz failing, then stop accepting.
      closing ??= delay(config.shutdownDelayMs).then(() => app.close());
      return closing;
    },
  };
}

function tokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers[TOKEN_HEADER];
  const token = Array.isArray(value) ? value[0] : value;
  return token === undefined || token.trim() === '' ? undefined : token;
}
