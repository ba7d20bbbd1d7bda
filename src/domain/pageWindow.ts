/** Which upstream pages (1-based, all of one size) cover a window of a listing. */
export interface PagePlan {
  readonly pageSize: number;
  /** One page number, or two consecutive ones. */
  readonly pageNumbers: readonly number[];
}

/**
 * Maps the window [offset, offset + count) onto bk-repo's fixed-size pages. Prefers one page whose
 * size, between `count` and `2 * count`, holds the whole window; otherwise two consecutive pages
 * of size `count`, which always do. Either way at most `2 * count` records are read, never a
 * page of size 0.
 */
export function planPages(offset: number, count: number): PagePlan {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset ${offset}`);
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count ${count}`);
  const last = offset + count - 1;
  for (let pageSize = count; pageSize <= 2 * count; pageSize++) {
    const page = Math.floor(offset / pageSize);
    if (Math.floor(last / pageSize) === page) {
      return { pageSize, pageNumbers: [page + 1] };
    }
  }
  const first = Math.floor(offset / count) + 1;
  return { pageSize: count, pageNumbers: [first, first + 1] };
}

/** The 0-based offset of the first record on a page. */
export function pageStart(plan: PagePlan, pageNumber: number): number {
  return (pageNumber - 1) * plan.pageSize;
}
