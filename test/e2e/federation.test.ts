import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEPLOYMENTS,
  DISTINCT_DEPLOYED_VERSIONS,
  MISSING_IMAGE,
  startDeploymentsSubgraph,
  type ImageKey,
} from '../federation/deploymentsSubgraph.ts';
import { startTestRouter, type TestRouter } from '../federation/router.ts';
import type { DemoUpstreamOptions } from '../../src/demo/demoUpstream.ts';
import { startTestGateway, type TestGateway } from '../helpers/startGateway.ts';

/*
 * A real @apollo/gateway router over two subgraphs on loopback: the deployments subgraph of the
 * tests, and this gateway (in front of the demo bk-repo) as the images subgraph.
 */

const DEPLOYED_IMAGES = /* GraphQL */ `
  query DeployedImages {
    deployments {
      environment
      service
      image {
        packageKey
        version
        basic {
          size
        }
        layers {
          digest
        }
        history {
          instruction
        }
      }
    }
  }
`;

interface ImageDetails {
  readonly basic: { readonly size: number | null } | null;
  readonly layers: ReadonlyArray<{ readonly digest: string }> | null;
  readonly history: ReadonlyArray<{ readonly instruction: string | null }> | null;
}

interface DeployedImages {
  readonly deployments: ReadonlyArray<{
    readonly environment: string;
    readonly service: string;
    readonly image: { readonly packageKey: string; readonly version: string } & ImageDetails;
  }>;
}

interface Federation extends AsyncDisposable {
  readonly gw: TestGateway;
  readonly router: TestRouter;
}

async function startFederation(upstreamOptions: DemoUpstreamOptions = {}): Promise<Federation> {
  const gw = await startTestGateway({}, upstreamOptions);
  const deployments = await startDeploymentsSubgraph();
  const router = await startTestRouter([
    { name: 'images', url: gw.url },
    { name: 'deployments', url: deployments.url },
  ]);
  return {
    gw,
    router,
    async [Symbol.asyncDispose]() {
      await router.close();
      await deployments.close();
      await gw.close();
    },
  };
}

/** What the images subgraph answers for one version when asked directly, for comparison. */
async function detailsOf(gw: TestGateway, image: ImageKey): Promise<ImageDetails | null> {
  const response = await gw.query<{ imageVersion: ImageDetails | null }>(
    /* GraphQL */ `
      query ($projectId: String!, $repoName: String!, $packageKey: String!, $version: String!) {
        imageVersion(
          projectId: $projectId
          repoName: $repoName
          packageKey: $packageKey
          version: $version
        ) {
          basic {
            size
          }
          layers {
            digest
          }
          history {
            instruction
          }
        }
      }
    `,
    { variables: { ...image } },
  );
  assert.equal(response.body.errors, undefined);
  return response.body.data?.imageVersion ?? null;
}

const MISSING_INDEX = DEPLOYMENTS.findIndex(({ image }) => image === MISSING_IMAGE);

describe('a router over the deployments and images subgraphs', () => {
  test('answers a query spanning both subgraphs with each deployment image details', async () => {
    await using federation = await startFederation();
    const { gw, router } = federation;
    const response = await router.query<DeployedImages>(DEPLOYED_IMAGES);

    assert.equal(response.status, 200);
    const deployments = response.body.data?.deployments ?? [];
    assert.deepEqual(
      deployments.map(({ environment, service, image }) => ({
        environment,
        service,
        packageKey: image.packageKey,
        version: image.version,
      })),
      DEPLOYMENTS.map(({ environment, service, image }) => ({
        environment,
        service,
        packageKey: image.packageKey,
        version: image.version,
      })),
    );

    for (const [index, deployment] of deployments.entries()) {
      if (index === MISSING_INDEX) continue;
      const { basic, layers, history } = deployment.image;
      assert.ok(basic && typeof basic.size === 'number' && basic.size > 0, deployment.service);
      assert.ok(layers && layers.length > 0);
      for (const layer of layers) assert.match(layer.digest, /^sha256:[a-f0-9]{64}$/);
      assert.ok(history && history.length > 0);
      assert.ok(
        history.every(({ instruction }) => instruction === null || /^[A-Z]+$/.test(instruction)),
      );
      assert.ok(history.some(({ instruction }) => instruction === 'RUN' || instruction === 'ADD'));
      // The same details as asking the images subgraph directly.
      const image = DEPLOYMENTS[index]?.image;
      assert.ok(image);
      assert.deepEqual({ basic, layers, history }, await detailsOf(gw, image));
    }
  });

  test('makes exactly one upstream detail call per distinct version, however many deployments share it, all at once', async () => {
    // A slow upstream: calls made one after another would never overlap.
    await using federation = await startFederation({ latencyMs: 100 });
    const { gw, router } = federation;
    assert.ok(DISTINCT_DEPLOYED_VERSIONS < DEPLOYMENTS.length);

    const response = await router.query<DeployedImages>(DEPLOYED_IMAGES);

    assert.equal(response.body.data?.deployments.length, DEPLOYMENTS.length);
    assert.equal(gw.upstream.callCount('versionDetail'), DISTINCT_DEPLOYED_VERSIONS);
    assert.equal(gw.upstream.maxInFlight('versionDetail'), DISTINCT_DEPLOYED_VERSIONS);
  });

  test('forwards the client X-DEVOPS-ACCESS-TOKEN through the router to bk-repo', async () => {
    await using federation = await startFederation();
    const { gw, router } = federation;

    const response = await router.query<DeployedImages>(DEPLOYED_IMAGES, { token: 'admin-token' });

    assert.equal(response.body.data?.deployments.length, DEPLOYMENTS.length);
    const requests = gw.upstream.requests();
    assert.ok(requests.length >= DISTINCT_DEPLOYED_VERSIONS);
    for (const request of requests) {
      assert.equal(request.headers['x-devops-access-token'], 'admin-token');
    }
  });

  test('a version that does not exist gives null details and NOT_FOUND on that deployment only', async () => {
    await using federation = await startFederation();
    const { router } = federation;

    const response = await router.query<DeployedImages>(DEPLOYED_IMAGES);

    const deployments = response.body.data?.deployments ?? [];
    assert.equal(deployments.length, DEPLOYMENTS.length);
    const missing = deployments[MISSING_INDEX];
    assert.deepEqual(missing?.image, {
      packageKey: MISSING_IMAGE.packageKey,
      version: MISSING_IMAGE.version,
      basic: null,
      layers: null,
      history: null,
    });
    for (const [index, deployment] of deployments.entries()) {
      if (index !== MISSING_INDEX) assert.notEqual(deployment.image.basic, null);
    }
    assert.equal(response.body.errors?.length, 1);
    const [error] = response.body.errors ?? [];
    assert.equal(error?.extensions?.code, 'NOT_FOUND');
    assert.equal(error?.message, 'The image version does not exist.');
    assert.deepEqual(error?.path, ['deployments', MISSING_INDEX, 'image']);
  });

  test('without a client token the image details fail with UNAUTHENTICATED and bk-repo is never called', async () => {
    await using federation = await startFederation();
    const { gw, router } = federation;

    const response = await router.query<DeployedImages>(DEPLOYED_IMAGES, { token: null });

    assert.ok(response.body.data?.deployments.every(({ image }) => image.basic === null));
    const codes = new Set(response.body.errors?.map((error) => error.extensions?.code));
    assert.deepEqual(codes, new Set(['UNAUTHENTICATED']));
    assert.equal(gw.upstream.requests().length, 0);
  });

  test('selecting only the image key makes no call to the images subgraph or bk-repo', async () => {
    await using federation = await startFederation();
    const { gw, router } = federation;

    const response = await router.query<{
      deployments: Array<{ image: { packageKey: string; version: string } }>;
    }>('{ deployments { image { __typename projectId repoName packageKey version } } }');

    assert.equal(response.body.errors, undefined);
    assert.equal(response.body.data?.deployments.length, DEPLOYMENTS.length);
    assert.equal(gw.upstream.requests().length, 0);
  });
});
