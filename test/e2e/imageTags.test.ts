import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog } from '../../src/demo/catalog.ts';
import { REPOSITORIES } from '../../src/demo/fixtures.ts';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

const IMAGE_TAGS = /* GraphQL */ `
  query Tags(
    $packageKey: String!
    $repoName: String = "docker-local"
    $first: Int!
    $after: String
    $tagPrefix: String
  ) {
    imageTags(
      projectId: "demo"
      repoName: $repoName
      packageKey: $packageKey
      first: $first
      after: $after
      tagPrefix: $tagPrefix
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          projectId
          repoName
          packageKey
          version
        }
        tag {
          name
          size
          stageTag
          lastModifiedBy
          lastModifiedDate
          downloadCount
          registryUrl
        }
      }
      nodes {
        version
      }
    }
  }
`;

interface Connection {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Array<{
    cursor: string;
    node: { projectId: string; repoName: string; packageKey: string; version: string };
    tag: {
      name: string;
      size: number | null;
      stageTag: string[];
      lastModifiedBy: string | null;
      lastModifiedDate: string | null;
      downloadCount: number | null;
      registryUrl: string | null;
    };
  }>;
  nodes: Array<{ version: string }>;
}

// What bk-repo would list for alpine: every tag, newest first.
const ALPINE_TAGS = (
  buildCatalog(REPOSITORIES).get('demo')?.get('docker-local')?.tags.get('alpine') ?? []
).map((entry) => entry.tag);
const ALPINE = 'docker://alpine';

async function page(
  gw: TestGateway,
  variables: { first: number; after?: string | null; tagPrefix?: string; packageKey?: string },
) {
  const response = await gw.query<{ imageTags: Connection }>(IMAGE_TAGS, {
    variables: { packageKey: ALPINE, ...variables },
  });
  return response.body;
}

/** bk-repo answers pageSize=0 with a server error: the gateway must never send one. */
function assertSanePaging(gw: TestGateway): void {
  for (const request of gw.upstream.requests()) {
    if (request.endpoint !== 'tagList') continue;
    assert.ok(Number(request.query['pageSize']) >= 1, `pageSize ${request.query['pageSize']}`);
    assert.ok(
      Number(request.query['pageNumber']) >= 1,
      `pageNumber ${request.query['pageNumber']}`,
    );
  }
}

const offsetOf = (cursor: string): number => Number(Buffer.from(cursor, 'base64url').toString());

describe('imageTags', () => {
  test('the fixture has the ~30 alpine tags these tests page through', () => {
    assert.ok(ALPINE_TAGS.length >= 30, `${ALPINE_TAGS.length} tags`);
  });

  test('the first page: newest tags first, totals, page info, and only one tag-list call', async () => {
    await using gw = await startTestGateway();
    const body = await page(gw, { first: 10 });
    assert.equal(body.errors, undefined);
    const connection = body.data?.imageTags;
    assert.ok(connection);
    assert.deepEqual(
      connection.nodes.map((node) => node.version),
      ALPINE_TAGS.slice(0, 10),
    );
    assert.deepEqual(
      connection.edges.map((edge) => edge.tag.name),
      ALPINE_TAGS.slice(0, 10),
    );
    assert.equal(connection.totalCount, ALPINE_TAGS.length);
    assert.equal(connection.pageInfo.hasNextPage, true);
    assert.equal(connection.pageInfo.hasPreviousPage, false);
    assert.equal(connection.pageInfo.startCursor, connection.edges[0]?.cursor);
    assert.equal(connection.pageInfo.endCursor, connection.edges.at(-1)?.cursor);
    assert.deepEqual(connection.edges[0]?.node, {
      projectId: 'demo',
      repoName: 'docker-local',
      packageKey: ALPINE,
      version: ALPINE_TAGS[0],
    });
    assert.equal(gw.upstream.callCount(), 1);
    assert.equal(gw.upstream.callCount('tagList'), 1);
    const [request] = gw.upstream.requests();
    assert.equal(request?.path.endsWith('/ext/tag/demo/docker-local/alpine'), true);
    assert.deepEqual({ ...request?.query }, { pageNumber: '1', pageSize: '10' });
  });

  test('edges carry what the tag list says, with no detail call', async () => {
    await using gw = await startTestGateway();
    const body = await page(gw, { first: 100 });
    const latest = body.data?.imageTags.edges.find((edge) => edge.tag.name === 'latest');
    assert.ok(latest);
    assert.deepEqual(latest.tag.stageTag, ['@prerelease', '@release']);
    assert.equal(latest.tag.downloadCount, 48_213);
    assert.equal(typeof latest.tag.size, 'number');
    assert.match(
      latest.tag.lastModifiedDate ?? '',
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
    );
    assert.equal(latest.tag.registryUrl, 'bkrepo.example.com/demo/docker-local/alpine:latest');
    assert.equal(gw.upstream.callCount('versionDetail'), 0);
  });

  test('following endCursor walks every tag exactly once, then stops', async () => {
    await using gw = await startTestGateway();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      gw.upstream.clearRequests();
      const body = await page(gw, { first: 7, after });
      const connection = body.data?.imageTags;
      assert.ok(connection, JSON.stringify(body.errors));
      assert.ok(gw.upstream.callCount('tagList') <= 2);
      assertSanePaging(gw);
      assert.equal(connection.pageInfo.hasPreviousPage, pages > 0);
      seen.push(...connection.edges.map((edge) => edge.tag.name));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
      assert.ok(pages < 10);
    }
    assert.deepEqual(seen, ALPINE_TAGS);
    assert.equal(pages, Math.ceil(ALPINE_TAGS.length / 7));
  });

  test('any offset with any page size gives the right window from at most two tag-list calls', async () => {
    await using gw = await startTestGateway();
    const { data } = await page(gw, { first: 100 });
    const cursors = data?.imageTags.edges.map((edge) => edge.cursor) ?? [];
    let twoCallWindows = 0;
    for (const first of [1, 2, 3, 5, 10, 16]) {
      for (let offset = 1; offset < ALPINE_TAGS.length; offset++) {
        gw.upstream.clearRequests();
        const body = await page(gw, { first, after: cursors[offset - 1] ?? null });
        const connection = body.data?.imageTags;
        assert.ok(connection, JSON.stringify(body.errors));
        const expected = ALPINE_TAGS.slice(offset, offset + first);
        assert.deepEqual(
          connection.nodes.map((node) => node.version),
          expected,
          `offset ${offset}, first ${first}`,
        );
        assert.deepEqual(
          connection.edges.map((edge) => offsetOf(edge.cursor)),
          expected.map((_, i) => offset + i),
        );
        assert.equal(connection.pageInfo.hasNextPage, offset + first < ALPINE_TAGS.length);
        assert.equal(connection.pageInfo.hasPreviousPage, true);
        const calls = gw.upstream.callCount('tagList');
        assert.ok(calls >= 1 && calls <= 2, `${calls} calls for offset ${offset}, first ${first}`);
        if (calls === 2) twoCallWindows += 1;
        assertSanePaging(gw);
      }
    }
    // Offset 23 with first 3 (among others) needs two pages; the two-page path is exercised.
    assert.ok(twoCallWindows > 0);
  });

  test('tagPrefix narrows the list and the total, and is sent to bk-repo', async () => {
    await using gw = await startTestGateway();
    const expected = ALPINE_TAGS.filter((tag) => tag.startsWith('3.19'));
    const body = await page(gw, { first: 4, tagPrefix: '3.19' });
    const connection = body.data?.imageTags;
    assert.ok(connection);
    assert.equal(connection.totalCount, expected.length);
    assert.deepEqual(
      connection.nodes.map((node) => node.version),
      expected.slice(0, 4),
    );
    assert.equal(connection.pageInfo.hasNextPage, expected.length > 4);
    assert.equal(gw.upstream.requests()[0]?.query['tag'], '3.19');

    const rest = await page(gw, {
      first: 4,
      tagPrefix: '3.19',
      after: connection.pageInfo.endCursor,
    });
    assert.deepEqual(
      rest.data?.imageTags.nodes.map((node) => node.version),
      expected.slice(4, 8),
    );
    assert.equal(rest.data?.imageTags.pageInfo.hasNextPage, false);
  });

  test('past the end: no edges, no next page, the total still told', async () => {
    await using gw = await startTestGateway();
    const { data } = await page(gw, { first: 100 });
    const last = data?.imageTags.pageInfo.endCursor ?? null;
    const body = await page(gw, { first: 5, after: last });
    assert.deepEqual(body.data?.imageTags.edges, []);
    assert.deepEqual(body.data?.imageTags.pageInfo, {
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    assert.equal(body.data?.imageTags.totalCount, ALPINE_TAGS.length);
    assertSanePaging(gw);
  });

  test('details load lazily: each node whose details are selected costs one detail call', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query<{
      imageTags: { nodes: Array<{ version: string; basic: { size: number } }> };
    }>(/* GraphQL */ `
      {
        imageTags(
          projectId: "demo"
          repoName: "docker-local"
          packageKey: "docker://alpine"
          first: 3
        ) {
          nodes {
            version
            basic {
              size
            }
          }
        }
      }
    `);
    assert.equal(body.errors, undefined);
    assert.equal(body.data?.imageTags.nodes.length, 3);
    for (const node of body.data?.imageTags.nodes ?? [])
      assert.equal(typeof node.basic.size, 'number');
    assert.equal(gw.upstream.callCount('tagList'), 1);
    assert.equal(gw.upstream.callCount('versionDetail'), 3);
  });

  test('first outside 1..100: BAD_USER_INPUT and no upstream call', async () => {
    await using gw = await startTestGateway();
    for (const first of [0, -1, 101]) {
      const body = await page(gw, { first });
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(body.errors?.[0]?.message ?? '', /first/);
    }
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('a malformed cursor: BAD_USER_INPUT naming `after`, and no upstream call', async () => {
    await using gw = await startTestGateway();
    for (const after of ['garbage!', '', Buffer.from('-3').toString('base64url'), 'MQ==']) {
      const body = await page(gw, { first: 5, after });
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', after);
      assert.match(body.errors?.[0]?.message ?? '', /after/);
    }
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('an invalid packageKey or tagPrefix: BAD_USER_INPUT and no upstream call', async () => {
    await using gw = await startTestGateway();
    const badKey = await page(gw, { first: 5, packageKey: 'alpine' });
    assert.equal(badKey.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(badKey.errors?.[0]?.message ?? '', /packageKey/);
    const badPrefix = await page(gw, { first: 5, tagPrefix: '3.19&pageSize=0' });
    assert.equal(badPrefix.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(badPrefix.errors?.[0]?.message ?? '', /tagPrefix/);
    assert.equal(gw.upstream.callCount(), 0);
  });

  test('a repository the token cannot read: FORBIDDEN', async () => {
    await using gw = await startTestGateway();
    const { body } = await gw.query(
      `{ imageTags(projectId: "demo", repoName: "private", packageKey: "docker://secret/app") { totalCount } }`,
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const admin = await gw.query<{ imageTags: { totalCount: number } }>(
      `{ imageTags(projectId: "demo", repoName: "private", packageKey: "docker://secret/app") { totalCount } }`,
      { token: 'admin-token' },
    );
    assert.equal(admin.body.data?.imageTags.totalCount, 1);
  });
});
