import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.ts';
import type { Caller, Loaders } from './loaders/createLoaders.ts';
import type { VersionSource } from './upstream/VersionSource.ts';

/** What every resolver of one GraphQL request can reach. */
export interface GatewayContext {
  readonly caller: Caller;
  readonly loaders: Loaders;
  readonly source: VersionSource;
  readonly config: Config;
  readonly log: FastifyBaseLogger;
}
