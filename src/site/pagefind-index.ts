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
import { dateLabel, messagesFor, type Messages } from "../archive/interface-messages.ts";
import { languageToName } from "../archive/language-names.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { withBody } from "../records/article-bodies.ts";
import type { ArchiveDate } from "../records/edtf-date.ts";
import { timeToIsoDay } from "../exports/day-range.ts";
import { forEachLimited } from "../records/limited-concurrency.ts";

/**
 * Pagefind leaves a page out of results sorted by a key the page lacks, so
 * undated articles get a key too: `date` (newest first, `date:desc`) puts
 * them after every dated article with `0000-00-00`, and `oldest` (oldest
 * first, `oldest:asc`) does the same with `9999-12-31`.
 */
export const UNDATED_SORT_KEYS = { date: "0000-00-00", oldest: "9999-12-31" } as const;

export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

function check<T extends { errors: string[] }>(action: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${action}:\n${response.errors.join("\n")}`);
  return response;
}

/** Every year a date can fall in: an interval across years is found under each. */
function dateToYears(date: ArchiveDate): string[] {
  const years: string[] = [];
  for (let year = date.start.year; year <= date.end.year && years.length < 100; year++) years.push(String(year));
  return years;
}

/** The date shown with a result is in the interface's language, as on the site's pages. */
export function articleToSearchRecord(article: ArticleRecord, messages: Messages = messagesFor("en")): pagefind.CustomRecord {
  const date = article.parsedDate;
  return {
    url: article.permalink,
    content: [article.title, article.summary ?? "", article.text].filter(Boolean).join("\n\n"),
    language: article.language,
    meta: {
      title: article.title,
      date: dateLabel(messages, date),
      publication: article.publication,
      language: languageToName(article.language),
      lang: article.language,
      ...(article.summary ? { summary: article.summary } : {}),
    },
    filters: {
      publication: [article.publication],
      language: [languageToName(article.language)],
      year: date ? dateToYears(date) : ["Undated"],
      ...(article.tags?.length ? { tag: article.tags } : {}),
    },
    sort: date
      ? { date: timeToIsoDay(date.min), oldest: timeToIsoDay(date.min) }
      : { ...UNDATED_SORT_KEYS },
  };
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
async function writeBundleFiles(files: ReadonlyArray<{ path: string; content: Uint8Array }>, outputPath: string): Promise<void> {
  const root = path.resolve(outputPath);
  const targets = files.map((file) => {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`Pagefind returned a file outside the index folder: \`${file.path}\``);
    return { target, content: file.content };
  });
  const folders = [...new Set(targets.map(({ target }) => path.dirname(target)))];
  await forEachLimited(folders, (folder) => mkdir(folder, { recursive: true }));
  await forEachLimited(targets, ({ target, content }) => writeFile(target, content));
}

export async function writeSearchIndex(archive: Archive, outputPath: string, api: PagefindApi = pagefind): Promise<{ pages: number }> {
  const { index } = check("start an index", await api.createIndex({ forceLanguage: archive.site.language }));
  if (!index) throw new Error("Pagefind returned no index");
  try {
    // One record at a time, in archive order: Pagefind does not promise to keep the order of
    // requests sent without waiting for each answer (that fed records a fifth faster).
    const messages = messagesFor(archive.site.language);
    for (const article of archive.articles) check(`index ${article.file}`, await index.addCustomRecord(articleToSearchRecord(withBody(article, archive), messages)));
    const { files } = check("make the index files", await index.getFiles());
    await writeBundleFiles(files, outputPath);
    return { pages: archive.articles.length };
  } finally {
    await api.close();
  }
}
