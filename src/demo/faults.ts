import { packageKeyOf, type Catalog } from './catalog.ts';
import {
  CODE,
  envelope,
  failure,
  proxyErrorPage,
  systemError,
  type Reply,
  type ReplyContext,
} from './responses.ts';
import type { DemoEndpoint, Route } from './routes.ts';

/** A misbehaviour the demo can be told to show, to test how the gateway copes. */
export type Fault =
  /** 500 answers with bk-repo's system-error envelope, 502-504 with a proxy's HTML page. */
  | { readonly kind: 'status'; readonly status: 500 | 502 | 503 | 504 }
  /** Destroys the connection without answering. */
  | { readonly kind: 'reset' }
  /** Never answers; the connection is only closed by `close()`. */
  | { readonly kind: 'hang' }
  /** Answers normally after `ms` more than the configured latency. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** 200 with a truncated JSON body. */
  | { readonly kind: 'invalidJson' }
  /** 200 envelope whose `data` matches none of bk-repo's shapes. */
  | { readonly kind: 'unknownShape' }
  /** 200 with a valid JSON body of exactly `bytes` bytes (or the smallest possible one). */
  | { readonly kind: 'huge'; readonly bytes: number }
  /** HTTP 200 with a non-zero envelope `code`. */
  | { readonly kind: 'okWithErrorCode'; readonly code: number }
  /** 429 with bk-repo's TOO_MANY_REQUESTS envelope. */
  | { readonly kind: 'rateLimited' };

/** Narrows a fault to some requests; every field given must equal the request's. */
export interface FaultMatch {
  readonly endpoint?: DemoEndpoint;
  readonly packageKey?: string;
  readonly version?: string;
  readonly repoName?: string;
}

/**
 * What a request addresses. For the manifest and tag endpoints `packageKey` is built from the
 * repository type and image name, and a manifest's `version` is its tag or digest.
 */
export interface FaultTarget {
  readonly endpoint: DemoEndpoint;
  readonly packageKey: string | undefined;
  readonly version: string | undefined;
  readonly repoName: string | undefined;
}

/** The target of a request; the repository type, for `packageKey`, comes from `catalog`. */
export function faultTarget(
  catalog: Catalog,
  route: Route,
  query: Readonly<Record<string, string>>,
): FaultTarget {
  switch (route.endpoint) {
    case 'versionDetail':
      return {
        endpoint: route.endpoint,
        packageKey: query['packageKey'],
        version: query['version'],
        repoName: route.repoName,
      };
    case 'manifest':
    case 'tagList': {
      const repository = catalog.get(route.projectId)?.get(route.repoName)?.repository;
      return {
        endpoint: route.endpoint,
        packageKey: repository
          ? packageKeyOf(repository, route.imageName)
          : `docker://${route.imageName}`,
        version: route.endpoint === 'manifest' ? route.reference : undefined,
        repoName: route.repoName,
      };
    }
    case 'addr':
    case 'unknown':
      return {
        endpoint: route.endpoint,
        packageKey: undefined,
        version: undefined,
        repoName: undefined,
      };
  }
}

export function faultMatches(match: FaultMatch, target: FaultTarget): boolean {
  return (
    (match.endpoint === undefined || match.endpoint === target.endpoint) &&
    (match.packageKey === undefined || match.packageKey === target.packageKey) &&
    (match.version === undefined || match.version === target.version) &&
    (match.repoName === undefined || match.repoName === target.repoName)
  );
}

/** The reply of a fault that answers; `reset`, `hang` and `delay` are the server's to handle. */
export function faultReply(
  fault: Exclude<Fault, { readonly kind: 'reset' | 'hang' | 'delay' }>,
  context: ReplyContext,
): Reply {
  switch (fault.kind) {
    case 'status':
      return fault.status === 500 ? systemError(context) : proxyErrorPage(fault.status);
    case 'invalidJson':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"code":0,"data":',
      };
    case 'unknownShape':
      return envelope(200, 0, null, '{"unexpected":true}', context);
    case 'huge':
      return hugeReply(fault.bytes, context);
    case 'okWithErrorCode':
      return failure(200, fault.code, 'System service is busy, please try again later', context);
    case 'rateLimited':
      return failure(
        429,
        CODE.tooManyRequests,
        'Too many requests, please try again later',
        context,
      );
  }
}

/** A success envelope whose `data` is `{"padding":"xxx..."}`, padded to the byte count. */
function hugeReply(bytes: number, context: ReplyContext): Reply {
  const empty = envelope(200, 0, null, '{"padding":""}', context);
  const padding = 'x'.repeat(Math.max(0, bytes - empty.body.length));
  return envelope(200, 0, null, `{"padding":"${padding}"}`, context);
}
