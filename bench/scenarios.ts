import { REPOSITORIES } from '../src/demo/fixtures.ts';
import type { LoadRequest } from './lib/load.ts';

export type ScenarioId = 'a' | 'b' | 'c' | 'd' | 'e';
export const SCENARIO_IDS: readonly ScenarioId[] = ['a', 'b', 'c', 'd', 'e'];

/**
 * - `direct`: GET straight to the demo upstream (scenario a only; measures the demo process).
 * - `gateway`: `node src/main.ts` as deployed: info logging, metrics, limits, in-memory cache.
 * - `gateway-nocache`: the same with the cross-request cache off (CACHE_TTL_*_MS=0), so every
 *   request does its upstream calls like the baseline does.
 * - `baseline`: bench/baseline/server.ts, the usual Apollo Server + RESTDataSource build.
 * - `candidate`: a second gateway configured like `gateway` but from another entry file or with
 *   other Node flags (BENCH_CANDIDATE_ENTRY, BENCH_CANDIDATE_NODE_ARGS), to A/B a change in one run.
 *   Off unless listed in BENCH_TARGETS.
 */
export type TargetId = 'direct' | 'gateway' | 'candidate' | 'gateway-nocache' | 'baseline';
export const TARGET_IDS: readonly TargetId[] = [
  'direct',
  'gateway',
  'candidate',
  'gateway-nocache',
  'baseline',
];

export const TOKEN = 'demo-token';
/** Sent as X-Subgraph-Secret: the benchmark runs the gateway with SUBGRAPH_SECRET set. */
export const SUBGRAPH_SECRET = 'bench-subgraph-secret-0123456789';

export interface VersionRef {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

/** The single version of scenarios a–c. */
export const ONE: VersionRef = {
  projectId: 'demo',
  repoName: 'docker-local',
  packageKey: 'docker://alpine',
  version: 'latest',
};

/**
 * 50 distinct versions for scenarios d and e. The fixtures have only 32 `docker://alpine` tags, so:
 * every version of demo/docker-local (32 alpine tags, the nginx 1.27 index and its 3 children,
 * 2 team/backend/api, 1 ml/pytorch-cuda), then the first ones of demo/oci-local (distroless),
 * demo/cpack and demo/pre31. All current-style shapes (metadata lists, layers via the manifest),
 * which the baseline also reads; the Helm chart and the CPack attestation child, which bk-repo
 * cannot describe, are not among them.
 */
export const FIFTY: readonly VersionRef[] = (() => {
  const take: readonly (readonly [string, number])[] = [
    ['docker-local', 39],
    ['oci-local', 1],
    ['cpack', 5],
    ['pre31', 5],
  ];
  const refs = take.flatMap(([name, count]) => {
    const repository = REPOSITORIES.find((repo) => repo.projectId === 'demo' && repo.name === name);
    if (!repository) throw new Error(`demo fixtures have no repository demo/${name}`);
    const scheme = repository.type === 'OCI' ? 'oci' : 'docker';
    return repository.versions.slice(0, count).map((version) => ({
      projectId: 'demo',
      repoName: name,
      packageKey: `${scheme}://${version.imageName}`,
      version: version.name,
    }));
  });
  if (refs.length !== 50 || new Set(refs.map((ref) => JSON.stringify(ref))).size !== 50) {
    throw new Error(`expected 50 distinct versions from the demo fixtures, got ${refs.length}`);
  }
  return refs;
})();

const FULL_SELECTION = `projectId repoName packageKey version
  basic { version size createdBy createdDate lastModifiedBy lastModifiedDate downloadCount sha256
          md5 domain os fullPath stageTag platform federatedSource projectId repoName }
  digest mediaType
  platforms { os architecture variant }
  history { created createdBy emptyLayer instruction }
  metadata { key value system description }
  layers { mediaType size digest }`;
const THREE_FIELDS = 'digest mediaType basic { size }';
const DASHBOARD_SELECTION = `projectId repoName packageKey version digest
  basic { size lastModifiedDate stageTag downloadCount } platforms { os architecture }`;

function literalArgs(ref: VersionRef): string {
  return `projectId: ${JSON.stringify(ref.projectId)}, repoName: ${JSON.stringify(ref.repoName)}, packageKey: ${JSON.stringify(ref.packageKey)}, version: ${JSON.stringify(ref.version)}`;
}

const ONE_FULL = `query OneVersion { imageVersion(${literalArgs(ONE)}) { ${FULL_SELECTION} } }`;
const ONE_THREE = `query OneVersionThreeFields { imageVersion(${literalArgs(ONE)}) { ${THREE_FIELDS} } }`;
const FIFTY_IMAGE_VERSIONS = `query Dashboard($refs: [ImageVersionRef!]!) {
  imageVersions(refs: $refs) {
    __typename
    ... on ImageVersion { ${DASHBOARD_SELECTION} }
    ... on ImageVersionError { code message }
  }
}`;
const FIFTY_ALIASES = `query Dashboard {\n${FIFTY.map(
  (ref, index) => `  v${index}: imageVersion(${literalArgs(ref)}) { ${DASHBOARD_SELECTION} }`,
).join('\n')}\n}`;
const FIFTY_ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ImageVersion { ${DASHBOARD_SELECTION} } }
}`;

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  /** How many image versions one request reads. */
  readonly versions: number;
  /** Targets that run it, and what the baseline does for it. */
  readonly targets: readonly TargetId[];
  readonly baselineNote?: string;
}

const GRAPHQL_TARGETS: readonly TargetId[] = [
  'gateway',
  'candidate',
  'gateway-nocache',
  'baseline',
];

export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  a: {
    id: 'a',
    title: 'direct GET of the version detail (the floor; CPU/RSS of the demo upstream)',
    versions: 1,
    targets: ['direct'],
  },
  b: { id: 'b', title: 'one version, all fields', versions: 1, targets: GRAPHQL_TARGETS },
  c: { id: 'c', title: 'one version, three fields', versions: 1, targets: GRAPHQL_TARGETS },
  d: {
    id: 'd',
    title: '50 versions: gateway `imageVersions`, baseline 50 aliases',
    versions: 50,
    targets: GRAPHQL_TARGETS,
  },
  e: {
    id: 'e',
    title: '`_entities` with 50 representations; baseline: 50 aliases again',
    versions: 50,
    targets: GRAPHQL_TARGETS,
    baselineNote: 'its own subgraph cannot do `_entities`: the same 50 versions as 50 aliases',
  },
};

export interface TargetUrls {
  /** The demo upstream's base URL (with its prefix). */
  readonly upstream: string;
  readonly gateway: string;
  readonly candidate: string;
  readonly 'gateway-nocache': string;
  readonly baseline: string;
}

const noErrors = (body: string): boolean =>
  !body.includes('"errors"') && !body.includes('ImageVersionError');

function graphql(url: string, query: string, variables?: object, extra = {}): LoadRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-devops-access-token': TOKEN, ...extra },
    body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
    verifyBody: noErrors,
  };
}

/** The request a target repeats for a scenario. */
export function requestFor(scenario: ScenarioId, target: TargetId, urls: TargetUrls): LoadRequest {
  if (target === 'direct') {
    const query = new URLSearchParams({ packageKey: ONE.packageKey, version: ONE.version });
    return {
      url: `${urls.upstream}/ext/version/detail/${ONE.projectId}/${ONE.repoName}?${query.toString()}`,
      method: 'GET',
      headers: { 'x-devops-access-token': TOKEN },
      verifyBody: (body) => body.startsWith('{"code":0,'),
    };
  }
  const url = urls[target];
  const isGateway = target !== 'baseline';
  switch (scenario) {
    case 'a':
      throw new Error('scenario a is the direct GET only');
    case 'b':
      return graphql(url, ONE_FULL);
    case 'c':
      return graphql(url, ONE_THREE);
    case 'd':
      return isGateway
        ? graphql(url, FIFTY_IMAGE_VERSIONS, { refs: FIFTY })
        : graphql(url, FIFTY_ALIASES);
    case 'e':
      return isGateway
        ? graphql(
            url,
            FIFTY_ENTITIES,
            { representations: FIFTY.map((ref) => ({ __typename: 'ImageVersion', ...ref })) },
            { 'x-subgraph-secret': SUBGRAPH_SECRET },
          )
        : graphql(url, FIFTY_ALIASES);
  }
}

interface VersionData {
  readonly digest?: unknown;
  readonly layers?: unknown;
  readonly history?: unknown;
}

/**
 * Checks one response body in full (the load only checks for error markers): the right data, no
 * errors, every version present with a digest. Answers a problem, or undefined when it is right.
 */
export function checkResponse(
  scenario: ScenarioId,
  target: TargetId,
  status: number,
  body: string,
): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 300)}`;
  if (target === 'direct') {
    const parsed = JSON.parse(body) as { code?: unknown; data?: unknown };
    return parsed.code === 0 && parsed.data ? undefined : `unexpected body ${body.slice(0, 300)}`;
  }
  const parsed = JSON.parse(body) as { data?: Record<string, unknown> | null; errors?: unknown };
  if (parsed.errors !== undefined) return `errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`;
  const data = parsed.data ?? {};
  const versions: VersionData[] =
    scenario === 'b' || scenario === 'c'
      ? [data['imageVersion'] as VersionData]
      : target === 'baseline'
        ? (Object.values(data) as VersionData[])
        : ((data[scenario === 'd' ? 'imageVersions' : '_entities'] ?? []) as VersionData[]);
  const expected = scenario === 'd' || scenario === 'e' ? 50 : 1;
  if (versions.length !== expected) return `expected ${expected} versions, got ${versions.length}`;
  const missing = versions.filter((version) => typeof version?.digest !== 'string').length;
  if (missing > 0) return `${missing} versions without a digest`;
  if (scenario === 'b') {
    const [version] = versions;
    if (!Array.isArray(version?.layers) || version.layers.length === 0) return 'no layers';
    if (!Array.isArray(version.history)) return 'no history';
  }
  return undefined;
}

/** The data of one response in a shape both builds share (aliases become a list), for comparing. */
export function comparableData(scenario: ScenarioId, target: TargetId, body: string): unknown {
  const data = (JSON.parse(body) as { data?: Record<string, unknown> }).data ?? {};
  if (scenario === 'b' || scenario === 'c') return data['imageVersion'];
  if (target === 'baseline') return Object.values(data);
  const list = (data[scenario === 'd' ? 'imageVersions' : '_entities'] ?? []) as Record<
    string,
    unknown
  >[];
  return list.map(({ __typename: _typename, ...rest }) => rest);
}
