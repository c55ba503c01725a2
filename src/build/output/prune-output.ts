/**
 * A full build writes over the site of the last one instead of starting from
 * an empty folder (creating ten thousand folders again, and deleting the old
 * ones, cost more than the pages themselves), then removes whatever this
 * build did not make: the page of a deleted or moved article, its citation
 * files, a file somebody dropped into the folder. So no page outlives its
 * article, and the folder holds exactly one build. A version-control folder
 * at the top (output-folder.ts's `KEPT_ENTRIES`) is not the build's to remove.
 */
import { readdirSync, type Dirent } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { forEachLimited } from "../../lib/limited-concurrency.ts";
import { KEPT_ENTRIES } from "./output-folder.ts";
import { toPosix } from "../../lib/paths.ts";

/** Every entry under an output folder at one moment (`listOutput`). */
export interface OutputListing {
  dir: string;
  entries: Dirent[];
}

/**
 * Lists `outputDir` for `pruneOutput`. The build lists it while its workers
 * are still writing the search index and the exports: every stale file is
 * there by then, and a file written after the listing is one of the build's.
 */
export function listOutput(outputDir: string): OutputListing {
  let top: Dirent[];
  try {
    top = readdirSync(outputDir, { withFileTypes: true }).filter((entry) => !KEPT_ENTRIES.has(entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { dir: outputDir, entries: [] };
    throw error;
  }
  // Synchronous on purpose: for the 68,000 entries of a site of 10,000 articles it takes 0.2 s, the
  // asynchronous listing 2 s (a round trip through the thread pool for every folder).
  const below = top
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(path.join(outputDir, entry.name), { recursive: true, withFileTypes: true }));
  return { dir: outputDir, entries: [...top, ...below] };
}

/** Removes an empty folder; false when something was written into it since the listing. */
async function removeFolderIfEmpty(folder: string): Promise<boolean> {
  try {
    await rmdir(folder);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return true;
    if (code === "ENOTEMPTY" || code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Deletes every entry of `listing` (by default, `outputDir` as it is now)
 * that is not one of `keep` (paths relative to `outputDir`, with `/`), then
 * the folders that held only such entries and are still empty. Answers the
 * paths removed, relative to `outputDir`.
 */
export async function pruneOutput(
  outputDir: string,
  keep: ReadonlySet<string>,
  listing: OutputListing = listOutput(outputDir),
): Promise<string[]> {
  if (path.resolve(listing.dir) !== path.resolve(outputDir)) throw new Error(`The listing of ${listing.dir} cannot prune ${outputDir}`);
  const stray: string[] = [];
  const folders: string[] = [];
  // Entries in each folder, and how many of them go: a folder all of whose entries go, goes too.
  const children = new Map<string, number>();
  const gone = new Map<string, number>();
  const parentOf = (relative: string) => path.posix.dirname(relative);
  for (const entry of listing.entries) {
    const relative = toPosix(path.relative(outputDir, path.join(entry.parentPath, entry.name)));
    children.set(parentOf(relative), (children.get(parentOf(relative)) ?? 0) + 1);
    if (entry.isDirectory()) folders.push(relative);
    else if (!keep.has(relative)) {
      stray.push(relative);
      gone.set(parentOf(relative), (gone.get(parentOf(relative)) ?? 0) + 1);
    }
  }
  await forEachLimited(stray, (file) => rm(path.join(outputDir, file), { force: true }));
  // Deepest first, so a folder holding only folders that go, goes too.
  folders.sort((a, b) => b.split("/").length - a.split("/").length);
  for (const folder of folders) {
    if ((gone.get(folder) ?? 0) !== (children.get(folder) ?? 0)) continue;
    if (!(await removeFolderIfEmpty(path.join(outputDir, folder)))) continue;
    stray.push(`${folder}/`);
    gone.set(parentOf(folder), (gone.get(parentOf(folder)) ?? 0) + 1);
  }
  return stray;
}
