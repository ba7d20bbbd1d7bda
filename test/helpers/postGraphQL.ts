import { request } from 'undici';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: {
    data?: TData | null;
    errors?: Array<{
      message: string;
      path?: Array<string | number>;
      extensions?: { code?: string; traceId?: string; retryable?: boolean } & Record<
        string,
        unknown
      >;
    }>;
  };
}

export interface PostOptions {
  readonly variables?: Record<string, unknown> | undefined;
  /** Sent as X-DEVOPS-ACCESS-TOKEN; `demo-token` when undefined, no header when null. */
  readonly token?: string | null | undefined;
  readonly headers?: Record<string, string> | undefined;
}

/** Posts one GraphQL operation as a client would. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  options: PostOptions = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  const token = options.token === undefined ? 'demo-token' : options.token;
  if (token !== null) headers['x-devops-access-token'] = token;
  const response = await request(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.body.json()) as GraphQLResponse<TData>['body'];
  return { status: response.statusCode, headers: response.headers, body };
}
