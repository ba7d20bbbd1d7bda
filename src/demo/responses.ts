/** A complete answer, ready to write; bodies are strings so they can be precomputed. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What varies per request in every reply. */
export interface ReplyContext {
  readonly traceId: string;
  readonly spanId: string;
  /** Only the current upstream generation announces the zone of its zone-less dates. */
  readonly timeZoneHeader: boolean;
}

/** The demo's dates are local to +08:00, in the `±HHMM` form bk-repo writes. */
const DEMO_TIME_ZONE = '+0800';

/** bk-repo message codes the demo answers with (`25 * 10000 + module * 100 + ordinal + 1`). */
export const CODE = {
  systemError: 250102,
  parameterMissing: 250103,
  parameterInvalid: 250105,
  methodNotAllowed: 250112,
  requestDenied: 250113,
  tooManyRequests: 250124,
  urlNotFound: 250130,
  repositoryNotFound: 251006,
  ociFileNotFound: 251902,
  ociVersionNotFound: 251906,
} as const;

/** The standard envelope `{code, message, data, traceId}` with `data` given as JSON text. */
export function envelope(
  status: number,
  code: number,
  message: string | null,
  dataJson: string,
  context: ReplyContext,
): Reply {
  const messageJson = message === null ? 'null' : JSON.stringify(message);
  return {
    status,
    headers: jsonHeaders(context, context.traceId),
    body: `{"code":${code},"message":${messageJson},"data":${dataJson},"traceId":"${context.traceId}"}`,
  };
}

export function success(dataJson: string, context: ReplyContext): Reply {
  return envelope(200, 0, null, dataJson, context);
}

/** An error in the envelope format, as bk-repo's global exception handler writes it. */
export function failure(
  status: number,
  code: number,
  message: string,
  context: ReplyContext,
): Reply {
  return envelope(status, code, message, 'null', context);
}

/**
 * An error in the Docker Registry format `{"errors":[...]}`, as the OCI exception handler writes
 * it; its trace header carries the span id too.
 */
export function registryFailure(
  status: number,
  code: number | string,
  message: string,
  detail: string | null,
  context: ReplyContext,
): Reply {
  return {
    status,
    headers: jsonHeaders(context, `${context.traceId}-${context.spanId}`),
    body: JSON.stringify({ errors: [{ message, code, detail }] }),
  };
}

export function systemError(context: ReplyContext): Reply {
  return failure(500, CODE.systemError, 'System service is busy, please try again later', context);
}

export function parameterMissing(name: string, context: ReplyContext): Reply {
  return failure(400, CODE.parameterMissing, `Parameter [${name}] is missing`, context);
}

export function parameterInvalid(name: string, context: ReplyContext): Reply {
  return failure(400, CODE.parameterInvalid, `Parameter [${name}] is invalid`, context);
}

export function repositoryNotFound(repoName: string, context: ReplyContext): Reply {
  return failure(404, CODE.repositoryNotFound, `Repository [${repoName}] not found`, context);
}

const UNAUTHORIZED_BODY = JSON.stringify({
  errors: [
    {
      message: 'authentication required',
      code: 'UNAUTHORIZED',
      detail:
        'The access controller was unable to authenticate the client. Often this will be accompanied by a Www-Authenticate HTTP response header indicating how to authenticate.',
    },
  ],
});

/** The OCI service's 401: registry format plus the headers a docker client expects. */
export function unauthorized(context: ReplyContext): Reply {
  return {
    status: 401,
    headers: {
      ...jsonHeaders(context, `${context.traceId}-${context.spanId}`),
      'www-authenticate':
        'Bearer realm="https://bkrepo.example.com/v2/auth",service="bkrepo",scope="repository:*/*/tb:push,pull"',
      'docker-distribution-api-version': 'registry/2.0',
    },
    body: UNAUTHORIZED_BODY,
  };
}

const STATUS_TEXT: Readonly<Record<502 | 503 | 504, string>> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The HTML page an nginx in front of bk-repo serves when the service behind it fails. */
export function proxyErrorPage(status: 502 | 503 | 504): Reply {
  const title = `${status} ${STATUS_TEXT[status]}`;
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

function jsonHeaders(context: ReplyContext, requestId: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-bkrepo-rid': requestId,
  };
  if (context.timeZoneHeader) headers['x-bkrepo-time-zone'] = DEMO_TIME_ZONE;
  return headers;
}
