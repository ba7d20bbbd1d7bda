import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.ts';
import { createLoaders, type Caller, type Loaders } from './loaders/createLoaders.ts';
import type { VersionSource } from './upstream/VersionSource.ts';

/** What every resolver of one GraphQL request can reach. */
export interface GatewayContext {
  readonly caller: Caller;
  readonly loaders: Loaders;
  readonly source: VersionSource;
  readonly config: Config;
  readonly log: FastifyBaseLogger;
}

/** Everything a request's context holds but the loaders, which it makes. */
export type ContextInput = Omit<GatewayContext, 'loaders'>;

/** One request's context, with loaders of its own: nothing loaded for one caller reaches another. */
export function createContext({ caller, source, config, log }: ContextInput): GatewayContext {
  return {
    caller,
    loaders: createLoaders(source, caller, {
      concurrencyPerRequest: config.upstreamConcurrencyPerRequest,
    }),
    source,
    config,
    log,
  };
}
