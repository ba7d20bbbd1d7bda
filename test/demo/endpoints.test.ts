import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { DEMO_TOKENS } from '../../src/demo/accessTokens.ts';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo/demoUpstream.ts';
import { SEED_DOC_EXAMPLE } from '../fixtures/seedDocExample.ts';
import {
  detail,
  detailPath,
  get,
  json,
  manifestText,
  type DetailData,
  type Envelope,
  type MetadataEntry,
  type RegistryErrors,
  type TagPage,
} from './helpers.ts';

// The endpoints only read fixtures, so one server serves the whole file.
let upstream: DemoUpstream;
let base = '';
before(async () => {
  upstream = await startDemoUpstream();
  base = upstream.url;
});
after(() => upstream.close());

const TRACE_ID = /^[0-9a-f]{32}$/;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,8}[1-9])?$/;

function metadataKeys(data: DetailData): string[] {
  return (data.metadata as MetadataEntry[]).map((entry) => entry.key);
}

describe('version detail, current shape (demo/docker-local)', () => {
  test('answers the envelope with basic, metadata list and history', async () => {
    const answer = await get(base, detailPath('docker-local', 'docker://alpine', 'latest'));
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'application/json');
    assert.equal(answer.headers['x-bkrepo-time-zone'], '+0800');
    const body = json<Envelope<DetailData>>(answer);
    assert.equal(body.code, 0);
    assert.equal(body.message, null);
    assert.match(body.traceId, TRACE_ID);
    assert.equal(answer.headers['x-bkrepo-rid'], body.traceId);

    const { basic } = body.data;
    assert.deepEqual(Object.keys(basic), [
      'version',
      'fullPath',
      'size',
      'sha256',
      'md5',
      'stageTag',
      'projectId',
      'repoName',
      'downloadCount',
      'createdBy',
      'createdDate',
      'lastModifiedBy',
      'lastModifiedDate',
      'platform',
      'federatedSource',
    ]);
    assert.equal(basic['version'], 'latest');
    assert.equal(basic['fullPath'], '/alpine/manifest/latest/manifest.json');
    assert.deepEqual(basic['stageTag'], ['@prerelease', '@release']);
    assert.deepEqual(basic['platform'], ['linux/amd64']);
    assert.equal(basic['federatedSource'], null);
    assert.match(String(basic['createdDate']), ISO_LOCAL);
    assert.ok(!('layers' in body.data));

    assert.deepEqual(metadataKeys(body.data).slice(0, 6), [
      'docker.manifest',
      'sha256',
      'docker.repoName',
      'docker.manfiest.digest',
      'docker.manifest.type',
      'manifest_digest',
    ]);
    const entry = (body.data.metadata as Record<string, unknown>[])[0];
    assert.deepEqual(entry, {
      key: 'docker.manifest',
      value: 'latest',
      system: true,
      description: null,
      link: null,
      color: null,
    });
    assert.deepEqual(body.data.history?.[0] && Object.keys(body.data.history[0]), [
      'created',
      'created_by',
    ]);
  });

  test('basic.sha256 is the digest of the manifest the manifest endpoint returns', async () => {
    const data = await detail(base, 'docker-local', 'docker://alpine', '3.20');
    const manifest = await manifestText(base, 'demo/docker-local/alpine/3.20');
    assert.equal(data.basic['sha256'], createHash('sha256').update(manifest).digest('hex'));
    const parsed = JSON.parse(manifest) as { config: { size: number }; layers: { size: number }[] };
    const size = parsed.layers.reduce((sum, layer) => sum + layer.size, parsed.config.size);
    assert.equal(data.basic['size'], size);
  });

  test('dates are zone-less, with seconds, and drop trailing fraction zeros', async () => {
    const expectations = [
      ['3.20.2', '2024-07-23T03:11:45.123456789'],
      ['3.20.1', '2024-06-21T01:02:03'],
      ['3.19.4', '2024-09-07T06:18:52.12'],
      ['3.17.10', '2024-09-07T06:16:02.000123'],
    ] as const;
    for (const [tag, createdDate] of expectations) {
      const data = await detail(base, 'docker-local', 'docker://alpine', tag);
      assert.equal(data.basic['createdDate'], createdDate, tag);
    }
  });

  test('a multi-arch tag lists its platforms, has no history, and sizes the index JSON', async () => {
    const data = await detail(base, 'docker-local', 'docker://library/nginx', '1.27');
    assert.deepEqual(data.basic['platform'], ['linux/amd64', 'linux/arm64/v8', 'unknown/unknown']);
    assert.deepEqual(data.history, []);
    assert.equal(data.basic['fullPath'], '/library/nginx/manifest/1.27/list.manifest.json');
    const index = await manifestText(base, 'demo/docker-local/library/nginx/1.27');
    assert.equal(data.basic['size'], Buffer.byteLength(index));
    const type = (data.metadata as MetadataEntry[]).find((m) => m.key === 'docker.manifest.type');
    assert.equal(type?.value, 'application/vnd.oci.image.index.v1+json');
  });

  test('each child of a multi-arch index is its own version, named by digest', async () => {
    const index = JSON.parse(await manifestText(base, 'demo/docker-local/library/nginx/1.27')) as {
      manifests: { digest: string }[];
    };
    const [amd64, arm64, attestation] = await Promise.all(
      index.manifests.map((entry) =>
        detail(base, 'docker-local', 'docker://library/nginx', entry.digest),
      ),
    );
    assert.deepEqual(amd64?.basic['platform'], ['linux/amd64']);
    assert.deepEqual(arm64?.basic['platform'], ['linux/arm64/v8']);
    assert.ok((amd64?.history?.length ?? 0) > 5);
    assert.deepEqual(attestation?.basic['platform'], ['unknown/unknown']);
    assert.deepEqual(attestation?.history, []);
  });

  test('an image over 2 GiB reports its size as a plain JSON number', async () => {
    const data = await detail(base, 'docker-local', 'docker://ml/pytorch-cuda', '2.4');
    assert.equal(data.basic['size'], 5 * 2 ** 30);
  });

  test('an unknown version is 404 envelope 251906', async () => {
    const answer = await get(base, detailPath('docker-local', 'docker://alpine', '0.0.0'));
    assert.equal(answer.status, 404);
    const body = json<Envelope>(answer);
    assert.equal(body.code, 251906);
    assert.equal(
      body.message,
      'The version [docker://alpine/0.0.0] of artifact not found in repo [demo|docker-local] !',
    );
    assert.equal(body.data, null);
  });

  test('a key without scheme, or with the OCI scheme, is not found either', async () => {
    for (const key of ['alpine', 'oci://alpine']) {
      const answer = await get(base, detailPath('docker-local', key, 'latest'));
      assert.equal(answer.status, 404, key);
      assert.equal(json<Envelope>(answer).code, 251906, key);
    }
  });
});

describe('version detail, other repositories', () => {
  test('legacy answers the seed document example value for value, without zone header', async () => {
    const answer = await get(base, detailPath('legacy', 'docker://hello-world', 'v1'));
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-bkrepo-time-zone'], undefined);
    assert.deepEqual(json<Envelope>(answer).data, SEED_DOC_EXAMPLE.data);
  });

  test('legacy answers a missing version with HTTP 200, code 0 and null data', async () => {
    const answer = await get(base, detailPath('legacy', 'docker://hello-world', 'v2'));
    assert.equal(answer.status, 200);
    const body = json<Envelope>(answer);
    assert.equal(body.code, 0);
    assert.equal(body.data, null);
  });

  test('legacy-list uses dockerDomain, stageTag, a metadata list and embedded layers', async () => {
    const data = await detail(base, 'legacy-list', 'docker://redis', '7.0.4');
    assert.equal(data.basic['dockerDomain'], 'bkrepo.example.com');
    assert.ok(!('domain' in data.basic));
    assert.deepEqual(data.basic['stageTag'], ['@release']);
    assert.equal(data.basic['createdDate'], '2022-08-10T17:22:05.019');
    assert.ok(Array.isArray(data.metadata));
    assert.ok(metadataKeys(data).includes('docker.manifest.digest'));
    assert.equal(data.layers?.length, 1);
  });

  test('pre31 has no platform and no history key; a missing version is a registry-style 400', async () => {
    const data = await detail(base, 'pre31', 'docker://library/nginx', '1.27');
    assert.ok(!('platform' in data.basic));
    assert.ok(!('federatedSource' in data.basic));
    assert.ok(!('history' in data));
    assert.ok(Array.isArray(data.metadata));

    const answer = await get(base, detailPath('pre31', 'docker://alpine', 'nope'));
    assert.equal(answer.status, 400);
    assert.equal(answer.headers['x-bkrepo-time-zone'], undefined);
    assert.equal(json<RegistryErrors>(answer).errors[0]?.code, 251906);
  });

  test('cpack has platform and history but no federatedSource; errors use string codes', async () => {
    const data = await detail(base, 'cpack', 'docker://alpine', 'latest');
    assert.deepEqual(data.basic['platform'], ['linux/amd64']);
    assert.ok(!('federatedSource' in data.basic));
    assert.ok((data.history?.length ?? 0) > 0);
    assert.deepEqual(Object.keys((data.metadata as object[])[0] ?? {}), [
      'key',
      'value',
      'system',
      'description',
      'display',
    ]);

    const missing = await get(base, detailPath('cpack', 'docker://alpine', 'nope'));
    assert.equal(missing.status, 400);
    assert.equal(json<RegistryErrors>(missing).errors[0]?.code, 'BLOB_UNKNOWN');

    const denied = await get(
      base,
      detailPath('cpack', 'docker://alpine', 'latest'),
      DEMO_TOKENS.other,
    );
    assert.equal(denied.status, 403);
    assert.equal(json<RegistryErrors>(denied).errors[0]?.code, 'DENIED');
  });

  test('cpack fails on an attestation child, whose config has no history (issue #3649)', async () => {
    const index = JSON.parse(await manifestText(base, 'demo/cpack/library/nginx/1.27')) as {
      manifests: { digest: string }[];
    };
    const attestation = index.manifests[2]?.digest ?? '';
    const answer = await get(base, detailPath('cpack', 'docker://library/nginx', attestation));
    assert.equal(answer.status, 400);
    const body = json<Envelope>(answer);
    assert.equal(body.code, 250103);
    assert.equal(body.message, 'Parameter [history] is missing');
  });

  test('an OCI repository wants oci:// keys, and a Helm chart fails on its config', async () => {
    const data = await detail(base, 'oci-local', 'oci://base/distroless', 'nonroot');
    assert.equal(data.basic['fullPath'], '/base/distroless/manifest/nonroot/manifest.json');

    const wrongScheme = await get(
      base,
      detailPath('oci-local', 'docker://base/distroless', 'nonroot'),
    );
    assert.equal(wrongScheme.status, 404);
    assert.equal(json<Envelope>(wrongScheme).code, 251906);

    const chart = await get(base, detailPath('oci-local', 'oci://charts/redis', '19.0.0'));
    assert.equal(chart.status, 400);
    assert.equal(json<Envelope>(chart).code, 250103);
    assert.equal(json<Envelope>(chart).message, 'Parameter [architecture] is missing');
  });

  test('project other holds its own images', async () => {
    const answer = await get(
      base,
      detailPath('docker-local', 'docker://tools/curl', '8.10.1', 'other'),
      DEMO_TOKENS.other,
    );
    assert.equal(answer.status, 200);
    assert.equal(json<Envelope<DetailData>>(answer).data.basic['projectId'], 'other');
  });
});

describe('request errors', () => {
  test('a missing packageKey or version is 400 envelope 250103', async () => {
    for (const [query, name] of [
      ['version=latest', 'packageKey'],
      ['packageKey=docker://alpine', 'version'],
    ] as const) {
      const answer = await get(base, `/ext/version/detail/demo/docker-local?${query}`);
      assert.equal(answer.status, 400);
      const body = json<Envelope>(answer);
      assert.equal(body.code, 250103);
      assert.equal(body.message, `Parameter [${name}] is missing`);
    }
  });

  test('an unknown repository or project is 404 envelope 251006, even without permission', async () => {
    for (const path of [
      detailPath('no-such-repo', 'docker://alpine', 'latest'),
      detailPath('docker-local', 'docker://alpine', 'latest', 'no-such-project'),
    ]) {
      const answer = await get(base, path, DEMO_TOKENS.other);
      assert.equal(answer.status, 404, path);
      assert.equal(json<Envelope>(answer).code, 251006, path);
    }
  });

  test('an unknown URL is 404 envelope 250130', async () => {
    for (const path of ['/ext/nothing', '/ext/version/detail/demo', '/ext/addr/x', '/elsewhere']) {
      const answer = await get(base, path);
      assert.equal(answer.status, 404, path);
      assert.equal(json<Envelope>(answer).code, 250130, path);
    }
  });

  test('a method other than GET is 405 envelope 250112', async () => {
    const response = await request(`${base}/ext/addr`, {
      method: 'DELETE',
      headers: { 'x-devops-access-token': DEMO_TOKENS.demo },
    });
    assert.equal(response.statusCode, 405);
    assert.equal((JSON.parse(await response.body.text()) as Envelope).code, 250112);
  });
});

describe('tokens and permissions', () => {
  test('no token or an unknown token is a registry-style 401 with the docker headers', async () => {
    for (const token of [null, 'not-a-token']) {
      const answer = await get(
        base,
        detailPath('docker-local', 'docker://alpine', 'latest'),
        token,
      );
      assert.equal(answer.status, 401);
      assert.match(
        answer.headers['www-authenticate'] ?? '',
        /^Bearer realm="[^"]+",service="bkrepo",/,
      );
      assert.equal(answer.headers['docker-distribution-api-version'], 'registry/2.0');
      const error = json<RegistryErrors>(answer).errors[0];
      assert.equal(error?.code, 'UNAUTHORIZED');
      assert.equal(error?.message, 'authentication required');
    }
  });

  test('demo cannot read demo/private: 403 registry-style 250113; admin can', async () => {
    const path = detailPath('private', 'docker://secret/app', '1.0');
    const denied = await get(base, path);
    assert.equal(denied.status, 403);
    const error = json<RegistryErrors>(denied).errors[0];
    assert.equal(error?.code, 250113);
    assert.equal(
      error?.message,
      'Access denied: user[demo] does not have [READ] permission in project[demo] repo[private]',
    );
    assert.equal((await get(base, path, DEMO_TOKENS.admin)).status, 200);
  });

  test('other reads only project other', async () => {
    const own = await get(
      base,
      '/ext/tag/other/docker-local/tools/curl?pageNumber=1&pageSize=5',
      DEMO_TOKENS.other,
    );
    assert.equal(own.status, 200);
    const foreign = await get(
      base,
      '/ext/manifest/demo/docker-local/alpine/latest',
      DEMO_TOKENS.other,
    );
    assert.equal(foreign.status, 403);
  });
});

describe('manifest endpoint', () => {
  test('returns the stored manifest as a JSON string', async () => {
    const manifest = JSON.parse(
      await manifestText(base, 'demo/docker-local/team/backend/api/v2.3.1'),
    ) as {
      mediaType: string;
      layers: unknown[];
    };
    assert.equal(manifest.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(manifest.layers.length, 60);
  });

  test('accepts a digest, percent-encoded or not, also for a tag that has no digest version', async () => {
    const data = await detail(base, 'docker-local', 'docker://alpine', 'latest');
    const digest = `sha256:${String(data.basic['sha256'])}`;
    const byTag = await manifestText(base, 'demo/docker-local/alpine/latest');
    assert.equal(await manifestText(base, `demo/docker-local/alpine/${digest}`), byTag);
    assert.equal(
      await manifestText(base, `demo/docker-local/alpine/${encodeURIComponent(digest)}`),
      byTag,
    );
  });

  test('an unknown manifest is 404 registry-style 251902', async () => {
    const answer = await get(base, '/ext/manifest/demo/docker-local/alpine/0.0.0');
    assert.equal(answer.status, 404);
    const error = json<RegistryErrors>(answer).errors[0];
    assert.equal(error?.code, 251902);
    assert.match(
      error?.message ?? '',
      /^Artifact \[.+\] not found in repo \[demo\|docker-local\] !$/,
    );
  });
});

describe('tag list endpoint', () => {
  const tags = (query: string, image = 'alpine'): Promise<TagPage> =>
    get(base, `/ext/tag/demo/docker-local/${image}?${query}`).then(
      (answer) => json<Envelope<TagPage>>(answer).data,
    );

  test('pages through every tag, newest first, without overlap', async () => {
    const first = await tags('pageNumber=1&pageSize=10');
    assert.equal(first.totalRecords, 32);
    assert.deepEqual(
      first.records.slice(0, 3).map((r) => r.tag),
      ['20240923', 'edge', 'latest'],
    );
    const seen = new Set<string>();
    for (let page = 1; page <= 4; page += 1) {
      const { records } = await tags(`pageNumber=${page}&pageSize=10`);
      for (const record of records) seen.add(record.tag);
    }
    assert.equal(seen.size, 32);
  });

  test('filters by tag prefix and treats pageNumber <= 0 as the first page', async () => {
    const page = await tags('pageNumber=0&pageSize=50&tag=3.20');
    assert.deepEqual(
      page.records.map((r) => r.tag),
      ['3.20', '3.20.3', '3.20.2', '3.20.1', '3.20.0'],
    );
    assert.equal(page.totalRecords, 5);
  });

  test('records join stage tags and print dates the LocalDateTime.toString way', async () => {
    const { records } = await tags('pageNumber=1&pageSize=50');
    const byTag = new Map(records.map((r) => [r.tag, r]));
    assert.equal(byTag.get('latest')?.stageTag, '@prerelease@release');
    assert.equal(byTag.get('3.20.1')?.stageTag, '');
    assert.equal(byTag.get('edge')?.lastModifiedDate, '2024-10-01T08:00');
    assert.equal(byTag.get('3.19.4')?.lastModifiedDate, '2024-09-07T06:18:52.120');
    assert.equal(
      byTag.get('latest')?.registryUrl,
      'bkrepo.example.com/demo/docker-local/alpine:latest',
    );
  });

  test('lists digest-named children of a multi-arch image, and nothing for an unknown image', async () => {
    const nginx = await tags('pageNumber=1&pageSize=10', 'library/nginx');
    assert.equal(nginx.records[0]?.tag, '1.27');
    assert.equal(nginx.records.filter((r) => r.tag.startsWith('sha256:')).length, 3);
    assert.deepEqual(await tags('pageNumber=1&pageSize=10', 'nothing/here'), {
      totalRecords: 0,
      records: [],
    });
  });

  test('bad paging fails the way bk-repo does', async () => {
    const cases = [
      ['pageNumber=1&pageSize=0', 500, 250102],
      ['pageSize=10', 500, 250102],
      ['pageNumber=1', 400, 250103],
      ['pageNumber=1&pageSize=ten', 400, 250105],
    ] as const;
    for (const [query, status, code] of cases) {
      const answer = await get(base, `/ext/tag/demo/docker-local/alpine?${query}`);
      assert.equal(answer.status, status, query);
      assert.equal(json<Envelope>(answer).code, code, query);
    }
  });
});

describe('address endpoint', () => {
  test('answers the registry domain as a string', async () => {
    const answer = await get(base, '/ext/addr');
    assert.equal(json<Envelope>(answer).data, 'bkrepo.example.com');
  });
});
