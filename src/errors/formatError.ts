import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { gatewayErrorOf } from './gatewayErrorOf.ts';

// Codes Apollo Server and graphql-js give to problems with the operation itself: syntax,
// validation, variable coercion, an unknown operation name, a malformed HTTP request.
const OPERATION_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * The one place errors become visible to clients. Gateway errors keep their catalogue code and
 * message (plus the upstream trace id); problems with the operation become BAD_USER_INPUT with
 * graphql-js' explanation; everything else is masked as INTERNAL_SERVER_ERROR. Upstream bodies,
 * URLs, tokens and stack traces never pass, whatever `extensions` held.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const gatewayError = gatewayErrorOf(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (gatewayError) {
    return {
      message: gatewayError.message,
      ...where,
      extensions: {
        code: gatewayError.code,
        retryable: gatewayError.retryable,
        ...(gatewayError.traceId ? { traceId: gatewayError.traceId } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && OPERATION_ERROR_CODES.has(code) && !thrownByResolver(error)) {
    return {
      message: formatted.message,
      ...where,
      extensions: { code: 'BAD_USER_INPUT', retryable: false },
    };
  }
  return {
    message: 'Unexpected error.',
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
  };
}

// An operation problem is reported by graphql-js or Apollo directly; a resolver's own crash that
// happens to carry such a code is still masked.
function thrownByResolver(error: unknown): boolean {
  return error instanceof GraphQLError && error.path !== undefined && error.originalError != null;
}
