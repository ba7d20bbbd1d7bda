/**
 * The closed catalogue of error codes a client can see in `errors[].extensions.code` and in
 * `ImageVersionError.code`. Nothing outside this list ever reaches a client.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_CONTRACT',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether trying the same request again later may succeed. */
export const RETRYABLE: Readonly<Record<ErrorCode, boolean>> = {
  UNAUTHENTICATED: false,
  FORBIDDEN: false,
  NOT_FOUND: false,
  BAD_USER_INPUT: false,
  UPSTREAM_TIMEOUT: true,
  UPSTREAM_UNAVAILABLE: true,
  UPSTREAM_CONTRACT: false,
  INTERNAL_SERVER_ERROR: true,
};
