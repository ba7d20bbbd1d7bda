import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startDeploymentsSubgraph } from '../federation/deploymentsSubgraph.ts';
import { composeSupergraph, startTestRouter } from '../federation/router.ts';
import { startTestGateway, type GraphQLResponse } from '../helpers/startGateway.ts';

/* SUBGRAPH_SECRET: `_entities` and `_service` only for whoever presents `x-subgraph-secret`. */

const SECRET = 'router-only-secret-0123456789';
const SECRET_HEADER = 'x-subgraph-secret';

const ALPINE_LATEST = {
  __typename: 'ImageVersion',
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://alpine',
  version: 'latest',
};

/** Every way a document can reach `_service` or `_entities` at the root. */
const FEDERATION_OPERATIONS: ReadonlyArray<readonly [string, string]> = [
  ['plain _service', '{ _service { sdl } }'],
  ['aliased _service', '{ a: _service { sdl } }'],
  ['_service in an inline fragment', '{ ... on Query { _service { sdl } } }'],
  ['_service in a fragment without type condition', '{ ... { s: _service { sdl } } }'],
  ['_service in a named fragment', 'query { ...F } fragment F on Query { _service { sdl } }'],
  [
    '_service in nested named fragments',
    'query { ...A } fragment A on Query { ... on Query { ...B } } fragment B on Query { x: _service { sdl } }',
  ],
  [
    '_service next to an ordinary field',
    '{ __typename imageVersion(projectId: "demo", repoName: "docker-local", packageKey: "docker://alpine", version: "latest") { version } _service { sdl } }',
  ],
  [
    'skipped _service',
    'query ($no: Boolean = true) { __typename _service @skip(if: $no) { sdl } }',
  ],
  [
    'plain _entities',
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on ImageVersion { version } } }',
  ],
  [
    'aliased _entities',
    'query ($r: [_Any!]!) { e: _entities(representations: $r) { __typename } }',
  ],
  [
    '_entities in an inline fragment',
    'query ($r: [_Any!]!) { ... on Query { _entities(representations: $r) { __typename } } }',
  ],
  [
    '_entities in a named fragment',
    'query Q($r: [_Any!]!) { ...E } fragment E on Query { x: _entities(representations: $r) { __typename } }',
  ],
];

function assertForbidden(response: GraphQLResponse): void {
  assert.equal(response.status, 403);
  assert.equal(response.body.data ?? undefined, undefined);
  assert.equal(response.body.errors?.length, 1);
  const [error] = response.body.errors ?? [];
  assert.deepEqual(error, {
    message: '_entities and _service are reserved for the federation router.',
    extensions: { code: 'FORBIDDEN', retryable: false },
  });
  assert.doesNotMatch(JSON.stringify(response.body), new RegExp(SECRET));
}

describe('SUBGRAPH_SECRET', () => {
  test('is off by default: _service and _entities answer without any header', async () => {
    await using gw = await startTestGateway();
    const sdl = await gw.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    assert.equal(sdl.status, 200);
    assert.match(sdl.body.data?._service.sdl ?? '', /type ImageVersion/);
    const entities = await gw.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on ImageVersion { version } } }',
      { variables: { r: [ALPINE_LATEST] } },
    );
    assert.deepEqual(entities.body, { data: { _entities: [{ version: 'latest' }] } });
  });

  describe('when set', () => {
    for (const [name, query] of FEDERATION_OPERATIONS) {
      test(`refuses ${name} without the header with FORBIDDEN, before any upstream call`, async () => {
        await using gw = await startTestGateway({ subgraphSecret: SECRET });
        const response = await gw.query(query, { variables: { r: [ALPINE_LATEST] } });
        assertForbidden(response);
        assert.equal(gw.upstream.requests().length, 0);
      });
    }

    test('refuses a wrong secret, including one that only differs in case or length', async () => {
      await using gw = await startTestGateway({ subgraphSecret: SECRET });
      for (const wrong of [SECRET.toUpperCase(), `${SECRET}x`, SECRET.slice(0, -1), '', ' ']) {
        const response = await gw.query('{ _service { sdl } }', {
          headers: { [SECRET_HEADER]: wrong },
        });
        assertForbidden(response);
      }
    });

    for (const [name, query] of FEDERATION_OPERATIONS) {
      test(`answers ${name} with the right header`, async () => {
        await using gw = await startTestGateway({ subgraphSecret: SECRET });
        const response = await gw.query(query, {
          variables: { r: [ALPINE_LATEST] },
          headers: { [SECRET_HEADER]: SECRET },
        });
        assert.equal(response.status, 200);
        assert.equal(response.body.errors, undefined);
        assert.ok(response.body.data);
      });
    }

    test('leaves ordinary queries alone: imageVersion, imageVersions and __typename need no secret', async () => {
      await using gw = await startTestGateway({ subgraphSecret: SECRET });
      const response = await gw.query<{
        __typename: string;
        imageVersion: { version: string; basic: { size: number } } | null;
        imageVersions: Array<{ __typename: string }>;
      }>(/* GraphQL */ `
        query {
          __typename
          imageVersion(
            projectId: "demo"
            repoName: "docker-local"
            packageKey: "docker://alpine"
            version: "latest"
          ) {
            version
            basic {
              size
            }
          }
          imageVersions(
            refs: [
              {
                projectId: "demo"
                repoName: "docker-local"
                packageKey: "docker://library/nginx"
                version: "1.27"
              }
            ]
          ) {
            __typename
          }
        }
      `);
      assert.equal(response.status, 200);
      assert.equal(response.body.errors, undefined);
      assert.equal(response.body.data?.__typename, 'Query');
      assert.equal(response.body.data?.imageVersion?.version, 'latest');
      assert.equal(typeof response.body.data?.imageVersion?.basic.size, 'number');
      assert.deepEqual(response.body.data?.imageVersions, [{ __typename: 'ImageVersion' }]);
    });

    test('works through a router whose data source inserts the secret for this subgraph only', async () => {
      await using gw = await startTestGateway({ subgraphSecret: SECRET });
      await using deployments = await startDeploymentsSubgraph();
      await using router = await startTestRouter([
        { name: 'images', url: gw.url, subgraphSecret: SECRET },
        { name: 'deployments', url: deployments.url },
      ]);
      const response = await router.query<{
        deployments: Array<{
          service: string;
          image: { version: string; basic: { size: number } | null };
        }>;
      }>('{ deployments { service image { version basic { size } } } }');

      assert.equal(response.status, 200);
      const found = response.body.data?.deployments.filter((d) => d.image.basic !== null) ?? [];
      assert.equal(found.length, 5);
      for (const deployment of found) assert.equal(typeof deployment.image.basic?.size, 'number');
      assert.deepEqual(
        response.body.errors?.map((error) => error.extensions?.code),
        ['NOT_FOUND'],
      );
      // The secret goes to the images subgraph only: neither the deployments subgraph nor
      // bk-repo ever sees it, while the client's token reaches both.
      const toDeployments = deployments.requestHeaders();
      assert.ok(toDeployments.some((headers) => headers['x-devops-access-token'] === 'demo-token'));
      for (const headers of toDeployments) assert.equal(headers[SECRET_HEADER], undefined);
      assert.ok(gw.upstream.requests().length > 0);
      for (const request of gw.upstream.requests()) {
        assert.equal(request.headers[SECRET_HEADER], undefined);
        assert.equal(request.headers['x-devops-access-token'], 'demo-token');
      }
    });

    test('a router without the secret can neither compose the subgraph nor resolve its entities', async () => {
      await using gw = await startTestGateway({ subgraphSecret: SECRET });
      await using deployments = await startDeploymentsSubgraph();
      await assert.rejects(
        composeSupergraph([
          { name: 'images', url: gw.url },
          { name: 'deployments', url: deployments.url },
        ]),
        /Could not read the SDL of subgraph images: HTTP 403/,
      );
      const supergraphSdl = await composeSupergraph([
        { name: 'images', url: gw.url, subgraphSecret: SECRET },
        { name: 'deployments', url: deployments.url },
      ]);
      await using router = await startTestRouter(
        [
          { name: 'images', url: gw.url },
          { name: 'deployments', url: deployments.url },
        ],
        { supergraphSdl },
      );
      const response = await router.query<{
        deployments: Array<{ image: { basic: unknown } }>;
      }>('{ deployments { image { basic { size } } } }');
      assert.ok(response.body.data?.deployments.every((d) => d.image.basic === null));
      assert.ok(
        response.body.errors?.every((error) => error.extensions?.code === 'FORBIDDEN'),
        JSON.stringify(response.body.errors),
      );
      assert.equal(gw.upstream.requests().length, 0);
    });
  });
});
