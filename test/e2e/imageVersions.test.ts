import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startTestGateway } from '../helpers/startGateway.ts';

const IMAGE_VERSIONS = /* GraphQL */ `
  query Many($refs: [ImageVersionRef!]!) {
    imageVersions(refs: $refs) {
      __typename
      ... on ImageVersion {
        projectId
        repoName
        packageKey
        version
        basic {
          size
          createdBy
        }
      }
      ... on ImageVersionError {
        ref {
          projectId
          repoName
          packageKey
          version
        }
        code
        message
        retryable
      }
    }
  }
`;

interface Ref {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

type Result =
  | (Ref & { __typename: 'ImageVersion'; basic: { size: number | null; createdBy: string | null } })
  | {
      __typename: 'ImageVersionError';
      ref: Ref;
      code: string;
      message: string;
      retryable: boolean;
    };

interface Data {
  imageVersions: Result[];
}

const alpine = (version: string): Ref => ({
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://alpine',
  version,
});
const NGINX: Ref = {
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://library/nginx',
  version: '1.27',
};
const API: Ref = {
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://team/backend/api',
  version: 'v2.3.1',
};
const PRIVATE: Ref = {
  projectId: 'demo',
  repoName: 'private',
  packageKey: 'docker://secret/app',
  version: '1.0',
};

const label = (result: Result): string =>
  result.__typename === 'ImageVersion'
    ? `${result.packageKey}:${result.version}`
    : `${result.ref.packageKey}:${result.ref.version} ${result.code}`;

describe('imageVersions', () => {
  test('N distinct refs cost N detail calls and answer in the order given', async () => {
    await using gw = await startTestGateway();
    const refs = [alpine('latest'), NGINX, alpine('3.19'), API, alpine('edge')];
    const { status, body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
    assert.deepEqual(
      body.data?.imageVersions.map(label),
      refs.map((ref) => `${ref.packageKey}:${ref.version}`),
    );
    assert.equal(gw.upstream.callCount('versionDetail'), refs.length);
    assert.equal(gw.upstream.callCount(), refs.length);
  });

  test('duplicate refs cost one call and each still gets its own result', async () => {
    await using gw = await startTestGateway();
    const refs = [alpine('latest'), NGINX, alpine('latest'), alpine('latest'), NGINX];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(body.data?.imageVersions.length, 5);
    assert.ok(body.data?.imageVersions.every((result) => result.__typename === 'ImageVersion'));
    assert.equal(gw.upstream.callCount('versionDetail'), 2);
  });

  test('one failing ref never fails the others', async () => {
    await using gw = await startTestGateway();
    gw.upstream.setFault(
      { kind: 'status', status: 500 },
      { endpoint: 'versionDetail', version: '3.19' },
    );
    const refs = [alpine('latest'), alpine('3.19'), NGINX];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(body.errors, undefined);
    const [first, failed, third] = body.data?.imageVersions ?? [];
    assert.equal(first?.__typename, 'ImageVersion');
    assert.equal(third?.__typename, 'ImageVersion');
    assert.equal(failed?.__typename, 'ImageVersionError');
    if (failed?.__typename === 'ImageVersionError') {
      assert.deepEqual(failed.ref, alpine('3.19'));
      assert.equal(failed.code, 'UPSTREAM_UNAVAILABLE');
      assert.equal(failed.retryable, true);
    }
  });

  test('missing, forbidden and timed-out refs each get their code and retryable flag', async () => {
    await using gw = await startTestGateway({ upstreamTimeoutMs: 300 });
    gw.upstream.setFault({ kind: 'hang' }, { endpoint: 'versionDetail', version: 'edge' });
    const refs = [
      alpine('0.0.0'),
      PRIVATE,
      alpine('edge'),
      { ...alpine('latest'), repoName: 'no-such-repo' },
      alpine('latest'),
    ];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(body.errors, undefined);
    const results = body.data?.imageVersions ?? [];
    const errors = results.map((result) =>
      result.__typename === 'ImageVersionError' ? [result.code, result.retryable] : 'ok',
    );
    assert.deepEqual(errors, [
      ['NOT_FOUND', false],
      ['FORBIDDEN', false],
      ['UPSTREAM_TIMEOUT', true],
      ['NOT_FOUND', false],
      'ok',
    ]);
    const text = JSON.stringify(body);
    assert.ok(!text.includes('demo-token'));
    assert.ok(!text.includes(new URL(gw.upstream.url).host));
  });

  test('more refs than MAX_REFS_PER_QUERY: one BAD_USER_INPUT error and no upstream call', async () => {
    await using gw = await startTestGateway({ maxRefsPerQuery: 3 });
    const refs = [alpine('latest'), alpine('3.19'), alpine('3.18'), alpine('3.17')];
    const { status, body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(status, 200);
    assert.equal(body.data, null);
    assert.equal(body.errors?.length, 1);
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(body.errors?.[0]?.message ?? '', /at most 3/);
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('exactly MAX_REFS_PER_QUERY refs are accepted', async () => {
    await using gw = await startTestGateway({ maxRefsPerQuery: 3 });
    const refs = [alpine('latest'), alpine('3.19'), alpine('3.18')];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(body.errors, undefined);
    assert.equal(body.data?.imageVersions.length, 3);
  });

  test('an invalid ref gets BAD_USER_INPUT for itself alone and never reaches bk-repo', async () => {
    await using gw = await startTestGateway();
    const invalid = { ...alpine('latest'), repoName: '../../admin' };
    const refs = [alpine('latest'), invalid, { ...alpine('x?y=1') }];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs } });
    assert.equal(body.errors, undefined);
    const [ok, bad, badVersion] = body.data?.imageVersions ?? [];
    assert.equal(ok?.__typename, 'ImageVersion');
    assert.equal(bad?.__typename === 'ImageVersionError' && bad.code, 'BAD_USER_INPUT');
    assert.match(bad?.__typename === 'ImageVersionError' ? bad.message : '', /repoName/);
    assert.deepEqual(bad?.__typename === 'ImageVersionError' && bad.ref, invalid);
    assert.equal(
      badVersion?.__typename === 'ImageVersionError' && badVersion.code,
      'BAD_USER_INPUT',
    );
    assert.equal(gw.upstream.callCount(), 1);
    assert.ok(gw.upstream.requests().every((request) => !request.path.includes('admin')));
  });

  test('without a token every ref is UNAUTHENTICATED and bk-repo is not called', async () => {
    await using gw = await startTestGateway();
    const refs = [alpine('latest'), NGINX];
    const { body } = await gw.query<Data>(IMAGE_VERSIONS, { variables: { refs }, token: null });
    assert.deepEqual(
      body.data?.imageVersions.map(
        (result) => result.__typename === 'ImageVersionError' && result.code,
      ),
      ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
    );
    assert.equal(gw.upstream.callCount(), 0);
  });
});
