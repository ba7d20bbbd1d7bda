import { GatewayError } from './GatewayError.ts';

/**
 * Anything thrown, as a catalogue error. Unknown failures become INTERNAL_SERVER_ERROR with a
 * generic message; the original travels as `cause`, for the log only.
 */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError('INTERNAL_SERVER_ERROR', 'Unexpected error.', { cause: error });
}
