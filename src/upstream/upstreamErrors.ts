import { GatewayError, VersionNotFoundError } from '../errors/GatewayError.ts';
import type { ErrorCode } from '../errors/codes.ts';

/** One upstream failure, as decoded from either error format. */
export interface UpstreamFailure {
  readonly status: number;
  /** The bk-repo message code: numeric (`251906`) or a registry string (`DENIED`); undefined if absent. */
  readonly code: number | string | undefined;
  readonly traceId: string | undefined;
}

// bk-repo codes that mean "the package or version is not there": answered as null, not an error.
// BLOB_UNKNOWN is what the CPack fork sends for a missing version (and, ambiguously, a missing repo).
const VERSION_MISSING = new Set<number | string>([
  251906, // OCI_VERSION_NOT_FOUND
  251902, // OCI_FILE_NOT_FOUND (manifest endpoint)
  251017, // PACKAGE_NOT_FOUND
  251019, // VERSION_NOT_FOUND
  251010, // NODE_NOT_FOUND
  'BLOB_UNKNOWN',
  'MANIFEST_UNKNOWN',
]);

const CODE_MAP = new Map<number | string, ErrorCode>([
  [251004, 'NOT_FOUND'], // PROJECT_NOT_FOUND
  [251006, 'NOT_FOUND'], // REPOSITORY_NOT_FOUND
  [251904, 'NOT_FOUND'], // OCI_REPO_NOT_FOUND
  ['NAME_UNKNOWN', 'NOT_FOUND'],
  [250108, 'NOT_FOUND'], // RESOURCE_NOT_FOUND
  [250114, 'UNAUTHENTICATED'], // REQUEST_UNAUTHENTICATED
  [250117, 'UNAUTHENTICATED'], // SERVICE_UNAUTHENTICATED
  ['UNAUTHORIZED', 'UNAUTHENTICATED'],
  [250113, 'FORBIDDEN'], // REQUEST_DENIED
  [251026, 'FORBIDDEN'], // ARTIFACT_DOWNLOAD_FORBIDDEN
  [251029, 'FORBIDDEN'], // ARTIFACT_FORBIDDEN
  ['DENIED', 'FORBIDDEN'],
  // The gateway validates every argument first, so these mean bk-repo cannot describe this
  // artifact (e.g. a Helm chart: "Parameter [architecture] is missing").
  [250103, 'BAD_USER_INPUT'], // PARAMETER_MISSING
  [250104, 'BAD_USER_INPUT'], // PARAMETER_EMPTY
  [250105, 'BAD_USER_INPUT'], // PARAMETER_INVALID
  [250131, 'BAD_USER_INPUT'], // PARAMETER_VALIDATION_FAILED
  ['UNSUPPORTED', 'BAD_USER_INPUT'],
  [250102, 'UPSTREAM_UNAVAILABLE'], // SYSTEM_ERROR
  [250115, 'UPSTREAM_UNAVAILABLE'], // SERVICE_CIRCUIT_BREAKER
  [250116, 'UPSTREAM_UNAVAILABLE'], // SERVICE_CALL_ERROR
  [250124, 'UPSTREAM_UNAVAILABLE'], // TOO_MANY_REQUESTS
  [250129, 'UPSTREAM_UNAVAILABLE'], // RATE_LIMITER_OVERLOAD
]);

const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'bk-repo rejected the access token.',
  FORBIDDEN: 'bk-repo denied read access to this repository.',
  NOT_FOUND: 'The project or repository does not exist in bk-repo.',
  BAD_USER_INPUT: 'bk-repo cannot describe this artifact with the given parameters.',
  UPSTREAM_TIMEOUT: 'bk-repo did not answer in time.',
  UPSTREAM_UNAVAILABLE: 'bk-repo is unavailable.',
  UPSTREAM_CONTRACT: 'bk-repo answered with an unexpected response.',
  INTERNAL_SERVER_ERROR: 'Unexpected error.',
};

/**
 * Maps an upstream failure to the catalogue: by bk-repo code first, because older and CPack builds
 * answer almost everything with HTTP 400, and by HTTP status second.
 */
export function errorFromUpstream(failure: UpstreamFailure): GatewayError {
  const options = { traceId: failure.traceId };
  if (failure.code !== undefined) {
    const numeric = toNumericCode(failure.code);
    if (VERSION_MISSING.has(numeric)) return new VersionNotFoundError(options);
    const mapped = CODE_MAP.get(numeric);
    if (mapped) return new GatewayError(mapped, MESSAGES[mapped], options);
  }
  const byStatus = codeForStatus(failure.status);
  return new GatewayError(byStatus, MESSAGES[byStatus], options);
}

export function upstreamErrorMessage(code: ErrorCode): string {
  return MESSAGES[code];
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 408 || status === 504) return 'UPSTREAM_TIMEOUT';
  if (status === 429 || status >= 500) return 'UPSTREAM_UNAVAILABLE';
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  return 'UPSTREAM_CONTRACT';
}

// Registry-format bodies sometimes carry numeric codes as strings ("251906").
function toNumericCode(code: number | string): number | string {
  return typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;
}
