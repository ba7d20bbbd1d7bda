import { GraphQLError } from 'graphql';
import { GatewayError } from './GatewayError.ts';

/** The GatewayError behind an error graphql-js or Apollo wrapped, if there is one. */
export function gatewayErrorOf(error: unknown): GatewayError | undefined {
  if (error instanceof GatewayError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof GatewayError) {
    return error.originalError;
  }
  return undefined;
}
