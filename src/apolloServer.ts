import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Config } from './config/config.ts';
import type { GatewayContext } from './context.ts';
import { formatError } from './errors/formatError.ts';
import { errorLoggingPlugin } from './plugins/errorLogging.ts';
import { subgraphSecretPlugin } from './plugins/subgraphSecret.ts';
import { createSchema } from './schema.ts';

/**
 * The GraphQL engine with every limit and plugin the gateway runs with, independent of HTTP: the
 * gateway mounts it on Fastify, and the operation tests call `executeOperation` on it directly.
 * Not started: the caller starts and stops it.
 */
export function createApolloServer(
  config: Config,
  logger: FastifyBaseLogger,
): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({
    schema: createSchema({ maxRefsPerQuery: config.maxRefsPerQuery }),
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries answer with codes outside the gateway's catalogue.
    persistedQueries: false,
    parseOptions: { maxTokens: config.maxQueryTokens },
    validationRules: [
      maxDepthRule({ n: config.maxQueryDepth, ...reportAsValidationError }),
      maxAliasesRule({ n: config.maxQueryAliases, ...reportAsValidationError }),
    ],
    // main.ts owns the signals, so shutdown happens once and in order.
    stopOnTerminationSignals: false,
    logger,
    plugins: [
      // Federated traces are for Apollo GraphOS; computing them costs every request.
      ApolloServerPluginInlineTraceDisabled(),
      // The schema declares no cache hints, and the plugin would wrap every field's resolver to
      // collect them: on a list of 60 layers that is 180 wrapped calls for nothing.
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(),
      subgraphSecretPlugin(config.subgraphSecret),
      ...(config.introspection ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
}

// graphql-armor throws by default, which Apollo treats as a crash; reported, it is an ordinary
// validation error (BAD_USER_INPUT) that names the limit.
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};
