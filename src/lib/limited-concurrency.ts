/**
 * File operations on many files at once, a bounded number at a time: one by
 * one, 100,000 files take seconds; all at once, they exceed the limit of open
 * files. Used wherever the build lists, checks, copies or removes files.
 */

/** File operations at once: enough to keep the disk busy, few enough for any file-handle limit. */
export const FILE_CONCURRENCY = 64;

/** Runs `action` on every item, `FILE_CONCURRENCY` at a time (a new one starts as soon as one ends). */
export async function forEachLimited<T>(items: readonly T[], action: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await action(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILE_CONCURRENCY, items.length) }, lane));
}

/** `action` on every item, `FILE_CONCURRENCY` at a time; the answers in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], action: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachLimited(items, async (item, index) => {
    results[index] = await action(item);
  });
  return results;
}
