import { request } from 'undici';
import { DEMO_TOKENS } from '../../src/demo/accessTokens.ts';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** A GET below the demo's base URL, sent with `token` as X-DEVOPS-ACCESS-TOKEN unless null. */
export async function get(
  baseUrl: string,
  path: string,
  token: string | null = DEMO_TOKENS.demo,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers['x-devops-access-token'] = token;
  const response = await request(baseUrl + path, { headers });
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers: flat, text: await response.body.text() };
}

export interface Envelope<T = unknown> {
  readonly code: number;
  readonly message: string | null;
  readonly data: T;
  readonly traceId: string;
}

export interface RegistryErrors {
  readonly errors: readonly {
    readonly code: number | string;
    readonly message: string;
    readonly detail: unknown;
  }[];
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: unknown;
}

/** Enough of every detail shape for the assertions; each test checks the exact keys it cares about. */
export interface DetailData {
  readonly basic: Readonly<Record<string, unknown>>;
  readonly metadata: unknown;
  readonly history?: readonly { readonly created: string; readonly created_by: string }[];
  readonly layers?: readonly {
    readonly mediaType: string;
    readonly size: number;
    readonly digest: string;
  }[];
}

export interface TagPage {
  readonly totalRecords: number;
  readonly records: readonly {
    readonly tag: string;
    readonly stageTag: string;
    readonly size: number;
    readonly lastModifiedBy: string;
    readonly lastModifiedDate: string;
    readonly downloadCount: number;
    readonly registryUrl: string;
  }[];
}

export function json<T>(answer: Answer): T {
  return JSON.parse(answer.text) as T;
}

export function detailPath(
  repo: string,
  packageKey: string,
  version: string,
  project = 'demo',
): string {
  const query = new URLSearchParams({ packageKey, version });
  return `/ext/version/detail/${project}/${repo}?${query.toString()}`;
}

export async function detail(
  baseUrl: string,
  repo: string,
  packageKey: string,
  version: string,
): Promise<DetailData> {
  const answer = await get(baseUrl, detailPath(repo, packageKey, version));
  const body = json<Envelope<DetailData>>(answer);
  if (answer.status !== 200 || body.code !== 0) {
    throw new Error(`detail ${repo} ${packageKey} ${version}: ${answer.status} ${answer.text}`);
  }
  return body.data;
}

export async function manifestText(baseUrl: string, path: string): Promise<string> {
  const answer = await get(baseUrl, `/ext/manifest/${path}`);
  const body = json<Envelope<string>>(answer);
  if (answer.status !== 200) throw new Error(`manifest ${path}: ${answer.status} ${answer.text}`);
  return body.data;
}
