import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageStart, planPages } from '../../src/domain/pageWindow.ts';

describe('planPages', () => {
  test('an offset that is a multiple of the count is one page of that size', () => {
    assert.deepEqual(planPages(0, 20), { pageSize: 20, pageNumbers: [1] });
    assert.deepEqual(planPages(40, 20), { pageSize: 20, pageNumbers: [3] });
  });

  test('an offset that is not a multiple still fits one larger page when one exists', () => {
    // [5, 15) sits inside the first page of 15.
    assert.deepEqual(planPages(5, 10), { pageSize: 15, pageNumbers: [1] });
  });

  test('every window is covered by one or two pages, never of size 0, reading at most twice the count', () => {
    for (let count = 1; count <= 100; count++) {
      for (let offset = 0; offset <= 400; offset++) {
        const plan = planPages(offset, count);
        assert.ok(plan.pageSize >= 1, `pageSize for ${offset}/${count}`);
        assert.ok(plan.pageNumbers.length === 1 || plan.pageNumbers.length === 2);
        assert.ok(plan.pageNumbers.every((page) => page >= 1));
        const first = plan.pageNumbers[0] ?? 0;
        const last = plan.pageNumbers.at(-1) ?? 0;
        assert.equal(last - first, plan.pageNumbers.length - 1, 'pages are consecutive');
        const covered = [pageStart(plan, first), pageStart(plan, last) + plan.pageSize];
        assert.ok(
          (covered[0] ?? Infinity) <= offset && (covered[1] ?? 0) >= offset + count,
          `window ${offset}+${count} covered by ${JSON.stringify(plan)}`,
        );
        assert.ok(plan.pageSize * plan.pageNumbers.length <= 2 * count);
      }
    }
  });

  test('rejects a negative offset and a count below 1', () => {
    assert.throws(() => planPages(-1, 10), RangeError);
    assert.throws(() => planPages(0, 0), RangeError);
  });
});
