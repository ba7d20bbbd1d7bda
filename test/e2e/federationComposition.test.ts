import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeServices } from '@apollo/composition';
import { parse, print } from 'graphql';
import { gql } from 'graphql-tag';
import { typeDefs } from '../../src/schema.ts';
import {
  deploymentsTypeDefs,
  startDeploymentsSubgraph,
} from '../federation/deploymentsSubgraph.ts';
import { composeSupergraph, fetchSubgraphSdl } from '../federation/router.ts';
import { startTestGateway } from '../helpers/startGateway.ts';

/* The gateway is a Federation 2 subgraph that composes with others into one supergraph. */

const KEY = '@key(fields: "projectId repoName packageKey version")';

describe('federation composition', () => {
  test('_service { sdl } is schema.graphql: the federation 2 link and the ImageVersion key', async () => {
    await using gw = await startTestGateway();
    const sdl = await fetchSubgraphSdl({ name: 'images', url: gw.url });

    assert.match(
      sdl,
      /extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/,
    );
    assert.ok(sdl.includes(`type ImageVersion ${KEY}`), sdl.slice(0, 400));
    // Every definition of schema.graphql, unchanged, plus what @apollo/subgraph adds for routers.
    const served = new Set(parse(sdl).definitions.map((definition) => print(definition)));
    for (const definition of typeDefs.definitions) {
      assert.ok(served.has(print(definition)), print(definition).slice(0, 200));
    }
    assert.match(sdl, /_entities\(representations: \[_Any!\]!\): \[_Entity\]!/);
    assert.match(sdl, /union _Entity = ImageVersion\n/);
  });

  test('composes with a deployments subgraph that references ImageVersion by key', async () => {
    await using gw = await startTestGateway();
    await using deployments = await startDeploymentsSubgraph();
    const supergraphSdl = await composeSupergraph([
      { name: 'images', url: gw.url },
      { name: 'deployments', url: deployments.url },
    ]);

    assert.match(supergraphSdl, /@link\(url: "https:\/\/specs\.apollo\.dev\/join\/v0\.\d+"/);
    const imageVersion = typeBlock(supergraphSdl, 'ImageVersion');
    assert.match(
      imageVersion,
      /@join__type\(graph: IMAGES, key: "projectId repoName packageKey version"\)/,
    );
    assert.match(
      imageVersion,
      /@join__type\(graph: DEPLOYMENTS, key: "projectId repoName packageKey version", resolvable: false\)/,
    );
    // The images subgraph alone resolves the image's details.
    assert.match(imageVersion, /basic: ImageVersionBasic @join__field\(graph: IMAGES\)/);
    assert.match(
      typeBlock(supergraphSdl, 'Query'),
      /deployments: \[Deployment!\]! @join__field\(graph: DEPLOYMENTS\)/,
    );
    assert.match(typeBlock(supergraphSdl, 'Query'), /imageVersion\(/);
  });

  test('composes from schema.graphql itself, without a running server', () => {
    const result = composeServices([
      { name: 'images', url: 'http://images.invalid/graphql', typeDefs },
      {
        name: 'deployments',
        url: 'http://deployments.invalid/graphql',
        typeDefs: deploymentsTypeDefs,
      },
    ]);
    assert.equal(result.errors, undefined, result.errors?.map((error) => error.message).join('\n'));
    assert.ok(result.supergraphSdl?.includes('type Deployment'));
  });

  test('a subgraph that contradicts the ImageVersion key fails composition with its reason', async () => {
    await using gw = await startTestGateway();
    const clash = gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query {
        latest: ImageVersion
      }
      type ImageVersion @key(fields: "projectId repoName packageKey version", resolvable: false) {
        projectId: String!
        repoName: String!
        packageKey: String!
        version: Int!
      }
    `;
    const result = composeServices([
      {
        name: 'images',
        url: gw.url,
        typeDefs: parse(await fetchSubgraphSdl({ name: 'images', url: gw.url })),
      },
      { name: 'clash', url: 'http://clash.invalid/graphql', typeDefs: clash },
    ]);
    assert.ok(result.errors && result.errors.length > 0);
    assert.match(result.errors.map((error) => error.message).join('\n'), /ImageVersion\.version/);
  });
});

/** The text of one type definition of an SDL, from `type Name` to its closing brace. */
function typeBlock(sdl: string, name: string): string {
  const start = sdl.search(new RegExp(`^type ${name}\\b`, 'm'));
  assert.notEqual(start, -1, `no type ${name} in the supergraph`);
  return sdl.slice(start, sdl.indexOf('\n}', start) + 2);
}
