import { defaultConfig, type Config } from '../../src/config/config.ts';
import {
  startDemoUpstream,
  type DemoUpstream,
  type DemoUpstreamOptions,
} from '../../src/demo/demoUpstream.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { postGraphQL, type GraphQLResponse, type PostOptions } from './postGraphQL.ts';

export type { GraphQLResponse } from './postGraphQL.ts';

export interface TestGateway extends AsyncDisposable {
  /** The gateway's GraphQL endpoint. */
  readonly url: string;
  readonly gateway: Gateway;
  readonly upstream: DemoUpstream;
  /** Posts one operation; `token` is sent as X-DEVOPS-ACCESS-TOKEN unless null. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: PostOptions,
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
    query: (query, options) => postGraphQL(url, query, options),
    close,
    [Symbol.asyncDispose]: close,
  };
}
