import {
  RESTDataSource,
  type AugmentedRequest,
  type DataSourceConfig,
} from '@apollo/datasource-rest';

/** The fields of bk-repo's version detail the baseline serves (the current OCI service shape). */
export interface WireDetail {
  readonly basic: {
    readonly version?: string | null;
    readonly size?: number | null;
    readonly createdBy?: string | null;
    readonly createdDate?: string | null;
    readonly lastModifiedBy?: string | null;
    readonly lastModifiedDate?: string | null;
    readonly downloadCount?: number | null;
    readonly sha256?: string | null;
    readonly md5?: string | null;
    readonly domain?: string | null;
    readonly dockerDomain?: string | null;
    readonly os?: string | null;
    readonly fullPath?: string | null;
    readonly stageTag?: readonly string[] | null;
    readonly platform?: readonly string[] | null;
    readonly federatedSource?: string | null;
    readonly projectId?: string | null;
    readonly repoName?: string | null;
  };
  readonly metadata?: readonly {
    readonly key: string;
    readonly value: unknown;
    readonly system?: boolean | null;
    readonly description?: string | null;
  }[];
  readonly history?: readonly {
    readonly created?: string | null;
    readonly created_by?: string | null;
    readonly empty_layer?: boolean | null;
  }[];
}

interface Envelope<T> {
  readonly code: number;
  readonly message: string | null;
  readonly data: T | null;
}

export interface VersionArgs {
  readonly projectId: string;
  readonly repoName: string;
  readonly packageKey: string;
  readonly version: string;
}

export interface ManifestLayer {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
}

/**
 * The usual RESTDataSource: one instance per GraphQL request (so its GET deduplication is per
 * request), the caller's token added in `willSendRequest`, the server's shared cache passed in.
 */
export class BkRepoAPI extends RESTDataSource {
  readonly #token: string;

  constructor(baseURL: string, token: string, config: DataSourceConfig) {
    super(config);
    // RESTDataSource resolves relative paths against baseURL: it must end with a slash.
    this.baseURL = baseURL.endsWith('/') ? baseURL : `${baseURL}/`;
    this.#token = token;
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers['x-devops-access-token'] = this.#token;
  }

  /** The detail and the zone its dates are in (bk-repo sends zone-less local times). */
  async getVersionDetail(
    args: VersionArgs,
  ): Promise<{ readonly detail: WireDetail; readonly zone: string } | null> {
    const path = `ext/version/detail/${encodeURIComponent(args.projectId)}/${encodeURIComponent(args.repoName)}`;
    const { parsedBody, response } = await this.fetch<Envelope<WireDetail>>(path, {
      method: 'GET',
      params: { packageKey: args.packageKey, version: args.version },
    });
    if (parsedBody.data === null) return null;
    return { detail: parsedBody.data, zone: offsetOf(response.headers.get('x-bkrepo-time-zone')) };
  }

  async getLayers(args: VersionArgs): Promise<readonly ManifestLayer[]> {
    const image = args.packageKey.replace(/^[a-z]+:\/\//, '');
    const path = `ext/manifest/${encodeURIComponent(args.projectId)}/${encodeURIComponent(args.repoName)}/${image}/${encodeURIComponent(args.version)}`;
    const envelope = await this.get<Envelope<string>>(path);
    if (envelope.data === null) return [];
    const manifest = JSON.parse(envelope.data) as { layers?: ManifestLayer[] };
    return manifest.layers ?? [];
  }
}

/** `+0800` or `+08:00` → `+08:00`; anything else is taken as UTC. */
function offsetOf(header: string | null): string {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(header ?? '');
  return match ? `${match[1]}${match[2]}:${match[3]}` : 'Z';
}
