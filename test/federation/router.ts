import { composeServices } from '@apollo/composition';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';
import { request } from 'undici';
import { postGraphQL, type GraphQLResponse, type PostOptions } from '../helpers/postGraphQL.ts';

const TOKEN_HEADER = 'x-devops-access-token';
const SECRET_HEADER = 'x-subgraph-secret';

/** What the router keeps of each incoming request for its subgraph calls. */
export interface RouterContext {
  /** The client's `X-DEVOPS-ACCESS-TOKEN`, if it sent one. */
  readonly devopsAccessToken?: string;
}

/**
 * The subgraph data source a router puts in front of the images subgraph (and any other that
 * needs the caller's bk-repo token): it copies `X-DEVOPS-ACCESS-TOKEN` from the incoming request's
 * context into every subgraph request, and, when given one, inserts the subgraph's
 * `x-subgraph-secret`, which the router itself needs for `_service` and `_entities`.
 */
export class DevopsTokenDataSource extends RemoteGraphQLDataSource<RouterContext> {
  readonly #subgraphSecret: string | undefined;

  constructor(options: { url: string; subgraphSecret?: string | undefined }) {
    super({ url: options.url });
    this.#subgraphSecret = options.subgraphSecret;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    // Only a client's operation has a client token; health checks and schema loads do not.
    if ('incomingRequestContext' in options) {
      const token = options.context.devopsAccessToken;
      if (token !== undefined) headers.set(TOKEN_HEADER, token);
    }
    if (this.#subgraphSecret !== undefined) headers.set(SECRET_HEADER, this.#subgraphSecret);
  }
}

export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
  /** Sent as `x-subgraph-secret` to this subgraph only (for `_service` and every operation). */
  readonly subgraphSecret?: string | undefined;
}

/** Reads a running subgraph's SDL the way a router does: `{ _service { sdl } }`. */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (subgraph.subgraphSecret !== undefined) headers[SECRET_HEADER] = subgraph.subgraphSecret;
  const response = await request(subgraph.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.body.json()) as {
    data?: { _service?: { sdl?: unknown } } | null;
    errors?: unknown;
  };
  const sdl = body.data?._service?.sdl;
  if (response.statusCode !== 200 || typeof sdl !== 'string') {
    throw new Error(
      `Could not read the SDL of subgraph ${subgraph.name}: HTTP ${response.statusCode} ${JSON.stringify(body.errors)}`,
    );
  }
  return sdl;
}

/**
 * Composes a Federation 2 supergraph from the subgraphs' own SDLs. Any composition error throws,
 * with every message, so a test that composes fails on it.
 */
export async function composeSupergraph(subgraphs: readonly SubgraphEndpoint[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async (subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(await fetchSubgraphSdl(subgraph)),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

export interface TestRouter extends AsyncDisposable {
  readonly url: string;
  readonly supergraphSdl: string;
  /** Posts one operation to the router; `token` is sent as X-DEVOPS-ACCESS-TOKEN unless null. */
  query<TData = Record<string, unknown>>(
    query: string,
    options?: PostOptions,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * A real `@apollo/gateway` router on loopback (port 0), with a static supergraph composed from the
 * given running subgraphs (or the one given), and `DevopsTokenDataSource` in front of each.
 */
export async function startTestRouter(
  subgraphs: readonly SubgraphEndpoint[],
  options: { supergraphSdl?: string } = {},
): Promise<TestRouter> {
  const supergraphSdl = options.supergraphSdl ?? (await composeSupergraph(subgraphs));
  const secrets = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.subgraphSecret]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new DevopsTokenDataSource({ url: url ?? '', subgraphSecret: secrets.get(name) }),
  });
  const server = new ApolloServer<RouterContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }): Promise<RouterContext> => {
      const value = req.headers[TOKEN_HEADER];
      const token = Array.isArray(value) ? value[0] : value;
      return token === undefined ? {} : { devopsAccessToken: token };
    },
  });
  const close = (): Promise<void> => server.stop();
  return {
    url,
    supergraphSdl,
    query: (query, options) => postGraphQL(url, query, options),
    close,
    [Symbol.asyncDispose]: close,
  };
}
