import type { ImageRef } from '../domain/imageRef.ts';
import type { TagListQuery } from './BkRepoClient.ts';

/** One string per distinct tag-list call: the loader key, and (hashed with the token) the coalescing key. */
export function tagListRequestKey(image: ImageRef, query: TagListQuery): string {
  return JSON.stringify([
    image.projectId,
    image.repoName,
    image.packageKey,
    query.pageNumber,
    query.pageSize,
    query.tagPrefix ?? null,
  ]);
}
