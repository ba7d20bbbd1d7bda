import { errors as undiciErrors, Pool, type Dispatcher } from 'undici';
import { GatewayError } from '../errors/GatewayError.ts';
import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import type { ImageRef } from '../domain/imageRef.ts';
import { parseTimeZone, type TimeZone } from '../domain/timeZone.ts';
import type { Manifest, VersionDetail } from '../domain/versionDetail.ts';
import { decodeEnvelope, type UpstreamResult } from './decodeEnvelope.ts';
import { decodeManifest } from './decodeManifest.ts';
import { decodeVersionDetail } from './decodeVersionDetail.ts';
import { decodeTagPage, type TagPage } from './decodeTagPage.ts';
import type { VersionSource } from './VersionSource.ts';

export type UpstreamEndpoint = 'versionDetail' | 'manifest' | 'tagList';

/** Reported once per upstream call, for metrics. Carries no token, URL or body. */
export interface UpstreamCallEvent {
  readonly endpoint: UpstreamEndpoint;
  /** `ok`, or the catalogue code the call failed with. */
  readonly outcome: string;
  readonly durationMs: number;
}

export interface BkRepoClientOptions {
  /** bk-repo's OCI service up to its prefix, e.g. `https://devops.example.com/api/open/CPack/repo-oci`. */
  readonly baseUrl: URL;
  /** The overall deadline of one call: connect, headers and body together. */
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  /** Keep-alive connections to bk-repo; also the cap on calls in flight, the rest queue. */
  readonly connections: number;
  readonly maxResponseBytes: number;
  /** The zone of zone-less upstream dates when the response has no `X-BKREPO-Time-Zone` header. */
  readonly timeZone: TimeZone;
  readonly onCall?: (event: UpstreamCallEvent) => void;
  /**
   * Where the requests go instead of the client's own keep-alive Pool to `baseUrl`'s origin: for
   * the operation tests, an undici MockPool. A given dispatcher is its owner's to close.
   */
  readonly dispatcher?: Dispatcher;
}

export interface TagListQuery {
  /** 1-based, as bk-repo counts. */
  readonly pageNumber: number;
  /** Never 0: bk-repo answers `pageSize=0` with a server error. */
  readonly pageSize: number;
  readonly tagPrefix: string | undefined;
}

/** What one call needs besides its arguments: the caller's token, forwarded unchanged. */
export interface CallContext {
  readonly token: string;
  readonly requestId?: string | undefined;
  /**
   * Runs the call when the caller may make another one: the per-request cap on calls in flight.
   * Only calls that reach bk-repo go through it; answers from the cache or from an identical call
   * already in flight never wait for a slot.
   */
  readonly admit?: <T>(call: () => Promise<T>) => Promise<T>;
}

/**
 * The only module that speaks HTTP to bk-repo: one method per endpoint, each returning the
 * gateway's model or throwing a catalogue error. Uses one keep-alive undici Pool.
 */
export class BkRepoClient implements VersionSource {
  readonly #dispatcher: Dispatcher;
  /** Whether the client made its dispatcher, and so closes it. */
  readonly #ownsDispatcher: boolean;
  readonly #basePath: string;
  readonly #options: BkRepoClientOptions;

  constructor(options: BkRepoClientOptions) {
    this.#options = options;
    this.#basePath = options.baseUrl.pathname.replace(/\/+$/, '');
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher ?? keepAlivePool(options);
  }

  async getVersionDetail(ref: ImageVersionRef, context: CallContext): Promise<VersionDetail> {
    const query = `packageKey=${encodeURIComponent(ref.packageKey)}&version=${encodeURIComponent(ref.version)}`;
    const path = `/ext/version/detail/${segment(ref.projectId)}/${segment(ref.repoName)}?${query}`;
    return this.#call('versionDetail', path, context, (result, zone) =>
      decodeVersionDetail(result, zone),
    );
  }

  async getManifest(ref: ImageVersionRef, context: CallContext): Promise<Manifest> {
    // Image names are raw path segments here: bk-repo matches them with `**` and rejects %2F.
    const path = `/ext/manifest/${segment(ref.projectId)}/${segment(ref.repoName)}/${imagePath(ref)}/${segment(ref.version)}`;
    return this.#call('manifest', path, context, (result) => decodeManifest(result));
  }

  async listTags(ref: ImageRef, query: TagListQuery, context: CallContext): Promise<TagPage> {
    const params = new URLSearchParams({
      pageNumber: String(Math.max(1, query.pageNumber)),
      pageSize: String(Math.max(1, query.pageSize)),
    });
    if (query.tagPrefix) params.set('tag', query.tagPrefix);
    const path = `/ext/tag/${segment(ref.projectId)}/${segment(ref.repoName)}/${imagePath(ref)}?${params.toString()}`;
    return this.#call('tagList', path, context, (result, zone) => decodeTagPage(result, zone));
  }

  /** Closes the pool after the calls in flight finish. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /**
   * One call: the HTTP exchange runs under the caller's per-request cap, the decoding after it, so
   * a slot is freed for the caller's next call as soon as the body is read.
   */
  async #call<T>(
    endpoint: UpstreamEndpoint,
    path: string,
    context: CallContext,
    decode: (result: UpstreamResult, zone: TimeZone) => T,
  ): Promise<T> {
    let started = performance.now();
    let outcome = 'ok';
    try {
      const exchange = (): Promise<UpstreamResponse> => {
        started = performance.now();
        return this.#send(path, context);
      };
      const response = await (context.admit ? context.admit(exchange) : exchange());
      const zone = zoneFrom(response.headers) ?? this.#options.timeZone;
      const traceId = headerValue(response.headers, 'x-bkrepo-rid');
      return decode(decodeEnvelope(response.statusCode, response.body, traceId), zone);
    } catch (error) {
      const gatewayError = toGatewayError(error);
      outcome = gatewayError.code;
      throw gatewayError;
    } finally {
      this.#options.onCall?.({ endpoint, outcome, durationMs: performance.now() - started });
    }
  }

  async #send(path: string, context: CallContext): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': 'en',
      'x-devops-access-token': context.token,
    };
    if (context.requestId) headers['x-request-id'] = context.requestId;
    const response = await this.#dispatcher.request({
      method: 'GET',
      path: this.#basePath + path,
      headers,
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
    // Read every body to the end, errors included, so the keep-alive connection is reused.
    const body = await response.body.text();
    return { statusCode: response.statusCode, headers: response.headers, body };
  }
}

function keepAlivePool(options: BkRepoClientOptions): Pool {
  return new Pool(options.baseUrl.origin, {
    connections: options.connections,
    pipelining: 1,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 30_000,
    maxResponseSize: options.maxResponseBytes,
  });
}

interface UpstreamResponse {
  readonly statusCode: number;
  readonly headers: Dispatcher.ResponseData['headers'];
  readonly body: string;
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

function imagePath(ref: { readonly imageName: string }): string {
  return ref.imageName.split('/').map(segment).join('/');
}

function headerValue(
  headers: Dispatcher.ResponseData['headers'],
  name: string,
): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first || undefined;
}

function zoneFrom(headers: Dispatcher.ResponseData['headers']): TimeZone | undefined {
  const value = headerValue(headers, 'x-bkrepo-time-zone');
  return value === undefined ? undefined : parseTimeZone(value);
}

/** Transport failures become catalogue errors; the original is kept as `cause` for the log. */
function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (
    (error instanceof DOMException && error.name === 'TimeoutError') ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new GatewayError('UPSTREAM_TIMEOUT', 'bk-repo did not answer in time.', {
      cause: error,
    });
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return new GatewayError(
      'UPSTREAM_CONTRACT',
      'bk-repo answered with a response over the size limit.',
      {
        cause: error,
      },
    );
  }
  return new GatewayError('UPSTREAM_UNAVAILABLE', 'bk-repo is unavailable.', { cause: error });
}
