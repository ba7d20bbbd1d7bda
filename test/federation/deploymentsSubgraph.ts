import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { gql } from 'graphql-tag';

/** An image version as the deployments subgraph knows it: the `ImageVersion` key and nothing else. */
export interface ImageKey {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

export interface Deployment {
  readonly environment: string;
  readonly service: string;
  readonly image: ImageKey;
}

/**
 * A second, tiny subgraph for the federation tests: it owns deployments and refers to the images
 * subgraph's `ImageVersion` entity by key only (`resolvable: false`), so every image field of a
 * deployment has to come from the images subgraph through `_entities`.
 */
export const deploymentsTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    deployments: [Deployment!]!
  }

  type Deployment {
    environment: String!
    service: String!
    image: ImageVersion!
  }

  type ImageVersion @key(fields: "projectId repoName packageKey version", resolvable: false) {
    projectId: String!
    repoName: String!
    packageKey: String!
    version: String!
  }
`;

const image = (packageKey: string, version: string): ImageKey => ({
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey,
  version,
});

/** The version no deployment can find: the demo upstream has no alpine `0.0.0`. */
export const MISSING_IMAGE = image('docker://alpine', '0.0.0');

/**
 * Six deployments over four distinct versions: two pairs share a version, and one deployment
 * points at a version that does not exist.
 */
export const DEPLOYMENTS: readonly Deployment[] = [
  {
    environment: 'production',
    service: 'api',
    image: image('docker://team/backend/api', 'v2.3.0'),
  },
  { environment: 'staging', service: 'api', image: image('docker://team/backend/api', 'v2.3.1') },
  { environment: 'production', service: 'worker', image: image('docker://alpine', '3.20') },
  { environment: 'staging', service: 'worker', image: image('docker://alpine', '3.20') },
  {
    environment: 'production',
    service: 'cron',
    image: image('docker://team/backend/api', 'v2.3.0'),
  },
  { environment: 'production', service: 'legacy', image: MISSING_IMAGE },
];

/** How many distinct image versions `DEPLOYMENTS` refers to. */
export const DISTINCT_DEPLOYED_VERSIONS = new Set(
  DEPLOYMENTS.map(({ image: key }) => JSON.stringify(key)),
).size;

export interface DeploymentsSubgraph extends AsyncDisposable {
  readonly url: string;
  /** The headers of every operation the subgraph received, names lower-cased. */
  requestHeaders(): ReadonlyArray<Readonly<Record<string, string | string[] | undefined>>>;
  close(): Promise<void>;
}

/** Serves the deployments subgraph on loopback, on a free port. */
export async function startDeploymentsSubgraph(
  deployments: readonly Deployment[] = DEPLOYMENTS,
): Promise<DeploymentsSubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: deploymentsTypeDefs,
        resolvers: { Query: { deployments: () => deployments } },
      },
    ]),
  });
  const seen: Array<Readonly<Record<string, string | string[] | undefined>>> = [];
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      seen.push({ ...req.headers });
      return {};
    },
  });
  const close = (): Promise<void> => server.stop();
  return { url, requestHeaders: () => [...seen], close, [Symbol.asyncDispose]: close };
}
