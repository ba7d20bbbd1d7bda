import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import { gatewayErrorOf } from '../errors/gatewayErrorOf.ts';

/**
 * Logs what clients are not shown: the cause of every upstream failure and every masked error,
 * with the request id. Expected outcomes (missing token, not found, bad input) stay at debug.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const gatewayError = gatewayErrorOf(error);
            const path = error.path?.join('.');
            if (!gatewayError) {
              contextValue.log.error(
                { err: error.originalError ?? error, path },
                'unexpected error',
              );
            } else if (
              gatewayError.code.startsWith('UPSTREAM_') ||
              gatewayError.code === 'INTERNAL_SERVER_ERROR'
            ) {
              contextValue.log.warn(
                {
                  code: gatewayError.code,
                  traceId: gatewayError.traceId,
                  cause: gatewayError.cause,
                  path,
                },
                gatewayError.message,
              );
            } else {
              contextValue.log.debug({ code: gatewayError.code, path }, gatewayError.message);
            }
          }
        },
      };
    },
  };
}
