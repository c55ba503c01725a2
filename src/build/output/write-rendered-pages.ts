/**
 * Pages the build renders and writes itself, rather than through Eleventy's
 * pagination: Eleventy keeps every page it renders, and each paginated
 * page's data, until the build ends, which was most of what a cold build's
 * memory grew by with the archive (PERFORMANCE.md, "Memory"). Here a page's
 * text lives only until its file is written, a few pages at a time.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { forEachLimited } from "../../lib/limited-concurrency.ts";

export interface RenderedPagesOutput {
  /** The folder the build writes. */
  output: string;
  /** Render every page, as a dry run does, and write none. */
  dryRun: boolean;
  /** Told of each page once written (site-relative file, its text), for the output ledger. */
  written?: (file: string, page: string) => void;
}

/** Renders each item's page and writes it at its file (site-relative, `files[i]` for `items[i]`). */
export async function writeRenderedPages<T>(
  items: readonly T[],
  files: readonly string[],
  render: (item: T) => string,
  { output, dryRun, written }: RenderedPagesOutput,
): Promise<void> {
  const folders = new Set<string>();
  await forEachLimited(items, async (item, index) => {
    const page = render(item);
    if (dryRun) return;
    const file = path.join(output, files[index]!);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(file, page);
    written?.(files[index]!, page);
  });
}
