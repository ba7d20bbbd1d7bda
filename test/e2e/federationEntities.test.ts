import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestGateway } from '../helpers/startGateway.ts';

/*
 * `_entities` sent straight to the subgraph, as a router would: how many upstream calls N
 * representations cost, and how failures stay on their own entity.
 */

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on ImageVersion {
        projectId
        packageKey
        version
        basic {
          size
        }
      }
    }
  }
`;

interface Entity {
  readonly projectId: string;
  readonly packageKey: string;
  readonly version: string;
  readonly basic?: { readonly size: number | null } | null;
}

interface Entities {
  readonly _entities: ReadonlyArray<Entity | null>;
}

const ref = (packageKey: string, version: string): Record<string, unknown> => ({
  __typename: 'ImageVersion',
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey,
  version,
});

const ALPINE_LATEST = ref('docker://alpine', 'latest');
const ALPINE_3_20 = ref('docker://alpine', '3.20');
const ALPINE_3_19 = ref('docker://alpine', '3.19');
const NGINX = ref('docker://library/nginx', '1.27');
const MISSING = ref('docker://alpine', '0.0.0');

describe('_entities for ImageVersion', () => {
  test('more representations than MAX_REFS_PER_QUERY: BAD_USER_INPUT and no upstream call', async () => {
    await using gw = await startTestGateway({ maxRefsPerQuery: 3 });
    const { body } = await gw.query<Entities>(ENTITIES, {
      variables: { representations: [ALPINE_LATEST, ALPINE_3_20, ALPINE_3_19, NGINX] },
    });
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(body.errors?.[0]?.message ?? '', /at most 3/);
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('N representations with duplicates cost one upstream detail call per distinct version', async () => {
    await using gw = await startTestGateway();
    const representations = [
      ALPINE_LATEST,
      NGINX,
      ALPINE_3_20,
      ALPINE_LATEST,
      NGINX,
      ALPINE_3_19,
      ALPINE_LATEST,
    ];
    const response = await gw.query<Entities>(ENTITIES, { variables: { representations } });

    assert.equal(response.status, 200);
    assert.equal(response.body.errors, undefined);
    const entities = response.body.data?._entities ?? [];
    assert.deepEqual(
      entities.map((entity) => entity && `${entity.packageKey}:${entity.version}`),
      representations.map((r) => `${String(r['packageKey'])}:${String(r['version'])}`),
    );
    for (const entity of entities) assert.equal(typeof entity?.basic?.size, 'number');
    assert.equal(gw.upstream.callCount('versionDetail'), 4);
  });

  test('the distinct versions are requested from bk-repo together, not one after another', async () => {
    // With a slow upstream, calls made one by one would never overlap.
    await using gw = await startTestGateway({}, { latencyMs: 100 });
    const representations = [ALPINE_LATEST, NGINX, ALPINE_3_20, ALPINE_3_19, NGINX];
    const response = await gw.query<Entities>(ENTITIES, { variables: { representations } });

    assert.equal(response.body.errors, undefined);
    assert.equal(gw.upstream.callCount('versionDetail'), 4);
    assert.equal(gw.upstream.maxInFlight('versionDetail'), 4);
  });

  test('a selection of key fields only makes no upstream call', async () => {
    await using gw = await startTestGateway();
    const representations = [ALPINE_LATEST, NGINX, MISSING];
    const response = await gw.query<Entities>(
      /* GraphQL */ `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on ImageVersion {
              projectId
              repoName
              ...Key
            }
          }
        }
        fragment Key on ImageVersion {
          packageKey
          version
          basic @skip(if: true) {
            size
          }
        }
      `,
      { variables: { representations } },
    );

    assert.equal(response.body.errors, undefined);
    assert.deepEqual(response.body.data?._entities, [
      { __typename: 'ImageVersion', ...withoutTypename(ALPINE_LATEST) },
      { __typename: 'ImageVersion', ...withoutTypename(NGINX) },
      { __typename: 'ImageVersion', ...withoutTypename(MISSING) },
    ]);
    assert.equal(gw.upstream.callCount('versionDetail'), 0);
    assert.equal(gw.upstream.requests().length, 0);
  });

  test('a non-key field behind a fragment on the _Entity union still loads the version', async () => {
    await using gw = await startTestGateway();
    const response = await gw.query<Entities>(
      /* GraphQL */ `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on _Entity {
              ... on ImageVersion {
                version
                basic {
                  size
                }
              }
            }
          }
        }
      `,
      { variables: { representations: [ALPINE_LATEST, MISSING] } },
    );

    assert.equal(typeof response.body.data?._entities[0]?.basic?.size, 'number');
    assert.equal(response.body.data?._entities[1], null);
    assert.deepEqual(codesByPath(response.body.errors), { '_entities.1': 'NOT_FOUND' });
    assert.equal(gw.upstream.callCount('versionDetail'), 2);
  });

  test('a version that does not exist resolves to null with NOT_FOUND on that entity only', async () => {
    await using gw = await startTestGateway();
    const representations = [ALPINE_LATEST, MISSING, NGINX];
    const response = await gw.query<Entities>(ENTITIES, { variables: { representations } });

    assert.equal(response.status, 200);
    const [first, missing, last] = response.body.data?._entities ?? [];
    assert.equal(first?.version, 'latest');
    assert.equal(missing, null);
    assert.equal(last?.version, '1.27');
    assert.deepEqual(codesByPath(response.body.errors), { '_entities.1': 'NOT_FOUND' });
    assert.equal(response.body.errors?.[0]?.message, 'The image version does not exist.');
  });

  test('an invalid representation fails alone with BAD_USER_INPUT and is never sent upstream', async () => {
    await using gw = await startTestGateway();
    const representations = [
      ALPINE_LATEST,
      ref('docker://../../admin', 'latest'),
      { __typename: 'ImageVersion', projectId: 'demo', repoName: 'docker-local', version: 'x' },
      { ...ALPINE_LATEST, version: 320 },
      { ...ALPINE_LATEST, projectId: null },
      NGINX,
    ];
    const response = await gw.query<Entities>(ENTITIES, { variables: { representations } });

    assert.equal(response.status, 200);
    const entities = response.body.data?._entities ?? [];
    assert.equal(entities[0]?.version, 'latest');
    assert.deepEqual(entities.slice(1, 5), [null, null, null, null]);
    assert.equal(entities[5]?.version, '1.27');
    assert.deepEqual(codesByPath(response.body.errors), {
      '_entities.1': 'BAD_USER_INPUT',
      '_entities.2': 'BAD_USER_INPUT',
      '_entities.3': 'BAD_USER_INPUT',
      '_entities.4': 'BAD_USER_INPUT',
    });
    const messages = response.body.errors?.map((error) => error.message) ?? [];
    assert.match(messages[0] ?? '', /packageKey/);
    assert.match(messages[1] ?? '', /packageKey must be a string/);
    assert.match(messages[2] ?? '', /version must be a string/);
    assert.match(messages[3] ?? '', /projectId must be a string/);
    assert.equal(gw.upstream.callCount('versionDetail'), 2);
  });

  test('without a token each loading entity fails with UNAUTHENTICATED and bk-repo is not called', async () => {
    await using gw = await startTestGateway();
    const response = await gw.query<Entities>(ENTITIES, {
      variables: { representations: [ALPINE_LATEST, NGINX] },
      token: null,
    });

    assert.deepEqual(response.body.data?._entities, [null, null]);
    assert.deepEqual(codesByPath(response.body.errors), {
      '_entities.0': 'UNAUTHENTICATED',
      '_entities.1': 'UNAUTHENTICATED',
    });
    assert.equal(gw.upstream.requests().length, 0);
  });

  test('the caller token of the _entities request is the one sent to bk-repo', async () => {
    await using gw = await startTestGateway();
    const response = await gw.query<Entities>(ENTITIES, {
      variables: { representations: [ALPINE_LATEST, NGINX] },
      token: 'admin-token',
    });

    assert.equal(response.body.errors, undefined);
    const tokens = gw.upstream.requests().map((r) => r.headers['x-devops-access-token']);
    assert.ok(tokens.length >= 2);
    assert.deepEqual(new Set(tokens), new Set(['admin-token']));
  });
});

function withoutTypename(representation: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(representation).filter(([key]) => key !== '__typename'));
}

function codesByPath(
  errors: ReadonlyArray<{ path?: Array<string | number>; extensions?: { code?: string } }> = [],
): Record<string, string | undefined> {
  return Object.fromEntries(
    errors.map((error) => [error.path?.join('.') ?? '', error.extensions?.code]),
  );
}
