import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { BkRepoAPI } from './BkRepoAPI.ts';
import { resolvers, type BaselineContext } from './resolvers.ts';
import { typeDefs } from './schema.ts';

/*
 * The baseline: "the usual implementation" of the same API, for comparison only (never part of
 * the product). Apollo Server 5 with startStandaloneServer, a RESTDataSource per request with the
 * token set in willSendRequest, the server's cache shared by the data sources, default settings
 * otherwise. Many versions are read with aliases of `imageVersion`.
 * Env: UPSTREAM_URL (required), PORT (default 0), HOST (default 127.0.0.1).
 * Prints one JSON line `{"msg":"baseline ready","url":…}` once it serves.
 */

const upstreamUrl = process.env['UPSTREAM_URL'];
if (!upstreamUrl) throw new Error('UPSTREAM_URL is required');

const server = new ApolloServer<BaselineContext>({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env['PORT'] ?? 0), host: process.env['HOST'] ?? '127.0.0.1' },
  context: async ({ req }) => {
    const token = req.headers['x-devops-access-token'];
    const { cache } = server;
    return {
      dataSources: {
        bkRepo: new BkRepoAPI(upstreamUrl, typeof token === 'string' ? token : '', { cache }),
      },
    };
  },
});
console.log(JSON.stringify({ msg: 'baseline ready', url }));
