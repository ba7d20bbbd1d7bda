import { request } from 'undici';
import { defaultConfig, type Config } from '../../src/config/config.ts';
import {
  startDemoUpstream,
  type DemoUpstream,
  type DemoUpstreamOptions,
} from '../../src/demo/demoUpstream.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';

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

export interface TestGateway extends AsyncDisposable {
  /** The gateway's GraphQL endpoint. */
  readonly url: string;
  readonly gateway: Gateway;
  readonly upstream: DemoUpstream;
  /** Posts one operation; `token` is sent as X-DEVOPS-ACCESS-TOKEN unless null. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: {
      variables?: Record<string, unknown> | undefined;
      token?: string | null | undefined;
      headers?: Record<string, string> | undefined;
    },
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * A real gateway on loopback (port 0) in front of a real demo upstream, for end-to-end tests.
 * `await using` closes both.
 */
export async function startTestGateway(
  overrides: Partial<Config> = {},
  upstreamOptions: DemoUpstreamOptions = {},
): Promise<TestGateway> {
  const upstream = await startDemoUpstream(upstreamOptions);
  const config = defaultConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', ...overrides });
  const gateway = await createGateway(config, { upstreamUrl: new URL(upstream.url) });
  const url = await gateway.listen();
  const close = async (): Promise<void> => {
    await gateway.close();
    await upstream.close();
  };
  return {
    url,
    gateway,
    upstream,
    async query(query, options = {}) {
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
      const body = (await response.body.json()) as GraphQLResponse['body'];
      return {
        status: response.statusCode,
        headers: response.headers,
        body,
      } as GraphQLResponse<never>;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
