/**
 * The search index, built from the Archive's records rather than by crawling
 * `_site`: only article bodies are indexed, stale pages of earlier builds can
 * never leak in, and no HTML is parsed twice. One index for every language
 * (`forceLanguage`), so one search box finds Spanish and English articles.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Archive } from "../archive/build-archive.ts";
import { messagesFor } from "../archive/interface-messages.ts";
import { articleToSearchRecord, searchSortKeys } from "../exports/search-record.ts";
import { withBody } from "../records/article-bodies.ts";
import { forEachLimited } from "../lib/limited-concurrency.ts";
import { DATE_ORDER_FILE, dateOrderOf } from "./search-date-order.ts";
import { readFragment } from "./search-index-pages.ts";

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

/**
 * `date-order.json` for the bundle Pagefind made of `articles`, fed in this
 * order: each article's page is found by its address in the fragments.
 */
function dateOrderFile(
  files: ReadonlyArray<{ path: string; content: Uint8Array }>,
  articles: Archive["articles"],
  outputPath: string,
): { path: string; content: Uint8Array } {
  const pages = new Map<string, string>();
  for (const file of files) {
    if (!/^fragment\/[^/]+\.pf_fragment$/.test(file.path)) continue;
    const { page, url } = readFragment(file.path, file.content, outputPath);
    pages.set(url, page);
  }
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
 * Indexes `archive.articles` into one Pagefind bundle in `outputPath`, with
 * its `date-order.json` (search-date-order.ts): the records carry no sort key,
 * so Pagefind's metadata, which every search loads first, holds no list by date.
 */
export async function writeSearchIndex(archive: Archive, outputPath: string, api: PagefindApi = pagefind): Promise<{ pages: number }> {
  const { index } = check("start an index", await api.createIndex({ forceLanguage: archive.site.language }));
  if (!index) throw new Error("Pagefind returned no index");
  try {
    // One record at a time, in archive order: Pagefind does not promise to keep the order of
    // requests sent without waiting for each answer (that fed records a fifth faster).
    const messages = messagesFor(archive.site.language);
    for (const article of archive.articles)
      check(`index ${article.file}`, await index.addCustomRecord(articleToSearchRecord(withBody(article, archive), messages)));
    const { files } = check("make the index files", await index.getFiles());
    // Every file checked and the date order made before anything is written.
    const targets = bundleTargets(files, outputPath);
    await writeBundleFiles([...targets, ...bundleTargets([dateOrderFile(files, archive.articles, outputPath)], outputPath)]);
    return { pages: archive.articles.length };
  } finally {
    await api.close();
  }
}
