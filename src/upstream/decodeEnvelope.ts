import { GatewayError } from '../errors/GatewayError.ts';
import { envelopeSchema, registryErrorSchema } from './wireSchemas.ts';
import { errorFromUpstream } from './upstreamErrors.ts';

export interface UpstreamResult {
  readonly data: unknown;
  readonly traceId: string | undefined;
}

/**
 * Opens a bk-repo response: returns `data` of a successful envelope, or throws the catalogue error
 * for either error format. The body itself never leaves this function in an error; it is kept
 * only as the error's `cause` for the log.
 */
export function decodeEnvelope(
  status: number,
  body: string,
  headerTraceId: string | undefined,
): UpstreamResult {
  const json = parseJson(body);
  const registryError = registryErrorSchema.safeParse(json);
  if (registryError.success) {
    const [first] = registryError.data.errors;
    throw errorFromUpstream({ status, code: first?.code, traceId: headerTraceId });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (envelope.success) {
    const { code, data } = envelope.data;
    const traceId = envelope.data.traceId || headerTraceId || undefined;
    if ((code === 0 || code === '0') && status >= 200 && status < 300) return { data, traceId };
    throw errorFromUpstream({ status, code: code === 0 ? undefined : code, traceId });
  }
  if (status < 200 || status >= 300) {
    throw errorFromUpstream({ status, code: undefined, traceId: headerTraceId });
  }
  throw new GatewayError('UPSTREAM_CONTRACT', 'bk-repo answered with an unexpected response.', {
    traceId: headerTraceId,
    cause: new Error(
      `Body fits neither the envelope nor the registry error format (HTTP ${status}).`,
    ),
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
