import { RETRYABLE, type ErrorCode } from './codes.ts';

interface GatewayErrorOptions {
  /** The upstream's trace id, safe to show: it lets bk-repo operators find the call. */
  traceId?: string | undefined;
  /** The underlying failure; logged, never shown to clients. */
  cause?: unknown;
}

/**
 * Every failure the gateway reports on purpose. Its `message` and `code` are written for clients;
 * anything internal (upstream bodies, URLs, stack traces) goes in `cause`, which only the log sees.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly traceId: string | undefined;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.traceId = options.traceId;
  }

  get retryable(): boolean {
    return RETRYABLE[this.code];
  }
}

/**
 * bk-repo says the package or the version does not exist. `imageVersion` turns it into null;
 * everywhere else it is a NOT_FOUND error.
 */
export class VersionNotFoundError extends GatewayError {
  constructor(options: GatewayErrorOptions = {}) {
    super('NOT_FOUND', 'The image version does not exist.', options);
    this.name = 'VersionNotFoundError';
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}
