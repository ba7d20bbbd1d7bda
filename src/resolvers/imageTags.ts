import { decodeCursor, encodeCursor } from '../domain/cursor.ts';
import type { ImageRef } from '../domain/imageRef.ts';
import { parseImageVersionRef, type ImageVersionRef } from '../domain/imageVersionRef.ts';
import { pageStart, planPages } from '../domain/pageWindow.ts';
import { GatewayError } from '../errors/GatewayError.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import type { TagRecord } from '../upstream/decodeTagPage.ts';

const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;
// Tags are letters, digits, `_`, `.` and `-`; a prefix of anything else could match none.
const TAG_PREFIX = /^[A-Za-z0-9_.-]{0,128}$/;

interface Edge {
  readonly cursor: string;
  readonly node: ImageVersionRef;
  readonly tag: TagRecord;
}

/**
 * One page of an image's tags, newest first, from bk-repo's tag list. A cursor is the item's
 * offset in the whole list, so any `first` can follow any `after`; the window is read from one or
 * two upstream pages (see `planPages`). Nodes are bare references: their details load only when a
 * detail field is selected, through the request's loader.
 */
export const imageTags: NonNullable<QueryResolvers['imageTags']> = async (
  _root,
  args,
  { loaders, log },
) => {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `\`first\` must be from 1 to ${MAX_FIRST}; got ${first}.`,
    );
  }
  const tagPrefix = args.tagPrefix ?? undefined;
  if (tagPrefix !== undefined && !TAG_PREFIX.test(tagPrefix)) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `\`tagPrefix\` must be at most 128 letters, digits, "_", "." or "-"; got ${JSON.stringify(tagPrefix.slice(0, 80))}.`,
    );
  }
  const image = imageOf(args);
  const offset =
    args.after === undefined || args.after === null ? 0 : decodeCursor(args.after, 'after') + 1;
  const end = offset + first;

  const plan = planPages(offset, first);
  const records: Array<{ readonly at: number; readonly record: TagRecord }> = [];
  let totalCount = 0;
  for (const [index, pageNumber] of plan.pageNumbers.entries()) {
    const start = pageStart(plan, pageNumber);
    // The second page is read only when the list goes on past the first.
    if (index > 0 && start >= totalCount) break;
    const page = await loaders.tagPage.load({
      image,
      query: { pageNumber, pageSize: plan.pageSize, tagPrefix: tagPrefix || undefined },
    });
    totalCount = page.totalRecords;
    page.records.forEach((record, position) => {
      const at = start + position;
      if (at >= offset && at < end) records.push({ at, record });
    });
    if (page.records.length < plan.pageSize) break;
  }

  const edges = records.flatMap(({ at, record }): Edge[] => {
    try {
      const node = parseImageVersionRef({ ...image, version: record.name });
      return [{ cursor: encodeCursor(at), node, tag: record }];
    } catch {
      // bk-repo does not check tag names; one no client could address is left out of the page.
      log.warn(
        { tag: record.name.slice(0, 200) },
        'imageTags: skipped a tag that is not a valid reference',
      );
      return [];
    }
  });
  const hasNextPage = end < totalCount;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      // Should every tag of a page be skipped, the cursor still moves past the page.
      endCursor: edges.at(-1)?.cursor ?? (hasNextPage ? encodeCursor(end - 1) : null),
    },
  };
};

/** The image part of the arguments, checked like a version reference. */
function imageOf(args: { projectId: string; repoName: string; packageKey: string }): ImageRef {
  const { projectId, repoName, packageKey, scheme, imageName } = parseImageVersionRef({
    projectId: args.projectId,
    repoName: args.repoName,
    packageKey: args.packageKey,
    version: 'latest',
  });
  return { projectId, repoName, packageKey, scheme, imageName };
}
