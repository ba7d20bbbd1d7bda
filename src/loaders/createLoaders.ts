import { setImmediate as nextTurn } from 'node:timers/promises';
import DataLoader from 'dataloader';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ImageRef } from '../domain/imageRef.ts';
import type { ImageVersionRef } from '../domain/imageVersionRef.ts';
import type { Manifest, VersionDetail } from '../domain/versionDetail.ts';
import { GatewayError } from '../errors/GatewayError.ts';
import type { CallContext, TagListQuery } from '../upstream/BkRepoClient.ts';
import type { TagPage } from '../upstream/decodeTagPage.ts';
import { tagListRequestKey } from '../upstream/tagListRequestKey.ts';
import type { VersionSource } from '../upstream/VersionSource.ts';

/** The DataLoaders of one GraphQL request. Never shared between requests, so never between tokens. */
export interface Loaders {
  readonly versionDetail: DataLoader<ImageVersionRef, VersionDetail, string>;
  readonly manifest: DataLoader<ImageVersionRef, Manifest, string>;
  /** Pages of an image's tag list, under the same per-request cap as the version calls. */
  readonly tagPage: DataLoader<TagPageRequest, TagPage, string>;
}

/** One page of one image's tag list. */
export interface TagPageRequest {
  readonly image: ImageRef;
  readonly query: TagListQuery;
}

export interface Caller {
  /** The caller's `X-DEVOPS-ACCESS-TOKEN`; undefined when the request has none. */
  readonly token: string | undefined;
  readonly requestId: string;
}

export interface LoaderOptions {
  /** The most upstream calls one GraphQL request may have in flight; the rest wait their turn. */
  readonly concurrencyPerRequest: number;
}

/**
 * Builds a request's loaders. Each batch function makes one upstream call per distinct key, all
 * started together (those that reach bk-repo under the request's concurrency cap), and answers
 * every key with its value or its own Error, in key order, so one failing version never fails
 * the others.
 */
export function createLoaders(
  source: VersionSource,
  caller: Caller,
  options: LoaderOptions,
): Loaders {
  // Made on the first call that reaches bk-repo: most requests are answered from the cache.
  let limit: LimitFunction | undefined;
  const context: CallContext | undefined =
    caller.token === undefined
      ? undefined
      : {
          token: caller.token,
          requestId: caller.requestId,
          admit: async (call) => {
            limit ??= pLimit(options.concurrencyPerRequest);
            const result = await limit(call);
            // While other calls of this request are in flight, the caller's work on this answer
            // waits one turn of the event loop: every response that has arrived meanwhile is read
            // first, and every slot it frees refilled, so bk-repo never idles on our CPU.
            if (limit.activeCount > 0) await nextTurn();
            return result;
          },
        };
  const batchOf = <K, T>(
    fetch: (key: K, context: CallContext) => Promise<T>,
  ): DataLoader.BatchLoadFn<K, T> => {
    return async (keys) => {
      if (context === undefined) return keys.map(() => missingTokenError());
      return Promise.all(
        keys.map((key) => fetch(key, context).catch((error: unknown) => asError(error))),
      );
    };
  };
  const cacheKeyFn = (ref: ImageVersionRef): string => ref.key;
  return {
    versionDetail: new DataLoader(
      batchOf((ref: ImageVersionRef, context) => source.getVersionDetail(ref, context)),
      {
        cacheKeyFn,
      },
    ),
    manifest: new DataLoader(
      batchOf((ref: ImageVersionRef, context) => source.getManifest(ref, context)),
      {
        cacheKeyFn,
      },
    ),
    tagPage: new DataLoader(
      batchOf(({ image, query }: TagPageRequest, context) =>
        source.listTags(image, query, context),
      ),
      {
        cacheKeyFn: ({ image, query }) => tagListRequestKey(image, query),
      },
    ),
  };
}

export function missingTokenError(): GatewayError {
  return new GatewayError(
    'UNAUTHENTICATED',
    'This field needs bk-repo data: send your bk-repo access token in the X-DEVOPS-ACCESS-TOKEN header.',
  );
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
