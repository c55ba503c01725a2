/**
 * The search index, built from the Archive's records rather than by crawling
 * `_site`: only article bodies are indexed, stale pages of earlier builds can
 * never leak in, and no HTML is parsed twice. One index for every language
 * (`forceLanguage`), so one search box finds Spanish and English articles.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Archive } from "../archive/build-archive.ts";
import { messagesFor } from "../archive/interface-messages.ts";
import { articleToSearchRecord, searchSortKeys } from "../exports/search-record.ts";
import { withBody } from "../records/article-bodies.ts";
import { forEachLimited } from "../lib/limited-concurrency.ts";
import { DATE_ORDER_FILE, dateOrderOf } from "./search-date-order.ts";
import { readFragment } from "./search-index-pages.ts";
import { mergePagefindBundles } from "./pagefind-merge.ts";

export { articleToSearchRecord, searchSortKeys, UNDATED_SORT_KEY } from "../exports/search-record.ts";

export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

function check<T extends { errors: string[] }>(action: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${action}:\n${response.errors.join("\n")}`);
  return response;
}

/** Where each file of a bundle goes in `outputPath`; a file that would land outside it is refused. */
function bundleTargets(files: ReadonlyArray<{ path: string; content: Uint8Array }>, outputPath: string) {
  const root = path.resolve(outputPath);
  return files.map((file) => {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`Pagefind returned a file outside the index folder: \`${file.path}\``);
    return { target, content: file.content };
  });
}

/**
 * Writes the bundle Pagefind made in memory (`getFiles`), rather than letting
 * Pagefind write it (`writeFiles`): Pagefind answers `writeFiles` while the
 * last part of a file may still be on its way to the disk (an asynchronous
 * write that is never flushed), and `close()` kills its process at once. Under
 * load that left a truncated `pagefind-component-ui.js` now and then, and a
 * search page that never came up. Written from here, every file is complete
 * when the build says the index is done.
 */
async function writeBundleFiles(targets: ReadonlyArray<{ target: string; content: Uint8Array }>): Promise<void> {
  const folders = [...new Set(targets.map(({ target }) => path.dirname(target)))];
  await forEachLimited(folders, (folder) => mkdir(folder, { recursive: true }));
  await forEachLimited(targets, ({ target, content }) => writeFile(target, content));
}

/** Each page's Pagefind id (its fragment's name) by its address, from the files Pagefind made. */
function pageIds(files: ReadonlyArray<{ path: string; content: Uint8Array }>, where: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of files) {
    if (!/^fragment\/[^/]+\.pf_fragment$/.test(file.path)) continue;
    const { page, url } = readFragment(file.path, file.content, where);
    pages.set(url, page);
  }
  return pages;
}

/** `date-order.json` for the bundle of `articles` whose pages have the ids `pages` (by address). */
function dateOrderFile(
  pages: ReadonlyMap<string, string>,
  articles: Archive["articles"],
  outputPath: string,
): { path: string; content: Uint8Array } {
  const order = dateOrderOf(
    articles.map((article) => {
      const id = pages.get(article.permalink);
      if (id === undefined) throw new Error(`Pagefind made no page for \`${article.permalink}\` (${article.file}) in ${outputPath}`);
      return { id, date: searchSortKeys(article).date };
    }),
  );
  return { path: DATE_ORDER_FILE, content: new TextEncoder().encode(`${JSON.stringify(order)}\n`) };
}

/**
 * Articles a Pagefind process indexes at most (`HEMEROTECA_SEARCH_INDEX_PART_SIZE`):
 * it holds its whole index in memory (some 270 MiB per 1,000 benchmark
 * articles), so a larger index is made in parts, one process after another,
 * and merged (pagefind-merge.ts). PERFORMANCE.md, "Pagefind's share", has the measure.
 */
export const DEFAULT_INDEX_PART_SIZE = 5_000;

/**
 * The budget of the word chunks the site's bundles are written with (in
 * Pagefind's measure, pagefind-format.ts): a search fetches the chunk of each
 * of its words, so a smaller chunk is fewer bytes for a word not yet loaded,
 * against one more row a chunk in the metadata every first search loads.
 * Pagefind's own is 20,000. PERFORMANCE.md, "Smaller word chunks", has the measure.
 */
export const SEARCH_CHUNK_SIZE = 5_000;

/**
 * One Pagefind process's bundle of `articles`, fed in their order, handed to
 * `write` before the process is closed (so its files are on disk, whole, by
 * then), and closed before the next part's process starts.
 */
async function indexArticles<T>(
  archive: Archive,
  articles: Archive["articles"],
  api: PagefindApi,
  write: (files: ReadonlyArray<{ path: string; content: Uint8Array }>) => Promise<T>,
): Promise<T> {
  const { index } = check("start an index", await api.createIndex({ forceLanguage: archive.site.language }));
  if (!index) throw new Error("Pagefind returned no index");
  try {
    // One record at a time, in archive order: Pagefind does not promise to keep the order of
    // requests sent without waiting for each answer (that fed records a fifth faster).
    const messages = messagesFor(archive.site.language);
    for (const article of articles)
      check(`index ${article.file}`, await index.addCustomRecord(articleToSearchRecord(withBody(article, archive), messages)));
    return await write(check("make the index files", await index.getFiles()).files);
  } finally {
    await api.close();
  }
}

/**
 * Indexes `archive.articles` into one Pagefind bundle in `outputPath`, with
 * its `date-order.json` (search-date-order.ts): the records carry no sort key,
 * so Pagefind's metadata, which every search loads first, holds no list by date.
 * Past `partSize` articles the bundle is made in parts of at most `partSize`,
 * in archive order, each by a Pagefind process of its own, written to a
 * folder beside `outputPath` and merged into one bundle. Its word chunks are
 * cut at `chunkSize` (pagefind-merge.ts), so even one part goes through the
 * merge; with `chunkSize` "pagefind" they are the chunks Pagefind makes.
 */
export async function writeSearchIndex(
  archive: Archive,
  outputPath: string,
  api: PagefindApi = pagefind,
  partSize = DEFAULT_INDEX_PART_SIZE,
  chunkSize: number | "pagefind" = SEARCH_CHUNK_SIZE,
): Promise<{ pages: number }> {
  const size = Math.max(1, Math.floor(partSize));
  // No article makes no part to merge: Pagefind's own empty bundle (no language, no chunk) is the index.
  if (archive.articles.length === 0 || (archive.articles.length <= size && chunkSize === "pagefind")) {
    await indexArticles(archive, archive.articles, api, async (files) => {
      // Every file checked and the date order made before anything is written.
      const targets = bundleTargets(files, outputPath);
      const dateOrder = dateOrderFile(pageIds(files, outputPath), archive.articles, outputPath);
      await writeBundleFiles([...targets, ...bundleTargets([dateOrder], outputPath)]);
    });
    return { pages: archive.articles.length };
  }
  await mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
  const partsFolder = await mkdtemp(`${path.resolve(outputPath)}.parts-`);
  try {
    const folders: string[] = [];
    const partPages: Array<Map<string, string>> = [];
    for (let start = 0; start < archive.articles.length; start += size) {
      const folder = path.join(partsFolder, String(folders.length));
      await indexArticles(archive, archive.articles.slice(start, start + size), api, async (files) => {
        partPages.push(pageIds(files, outputPath));
        await writeBundleFiles(bundleTargets(files, folder));
      });
      folders.push(folder);
    }
    const merged = await mergePagefindBundles(folders, outputPath, chunkSize === "pagefind" ? undefined : chunkSize);
    const pages = new Map<string, string>();
    partPages.forEach((ids, part) => {
      for (const [url, id] of ids) pages.set(url, merged.renamed[part]!.get(id) ?? id);
    });
    await writeBundleFiles(bundleTargets([dateOrderFile(pages, archive.articles, outputPath)], outputPath));
    return { pages: merged.pages };
  } finally {
    await rm(partsFolder, { recursive: true, force: true });
  }
}
