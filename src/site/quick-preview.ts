/**
 * `npm start`'s first answer to a saved article: its own page, written before
 * the rebuild begins. The rebuild renders the whole site again (lists, feeds,
 * search index, exports): seconds at 10,000 articles, during which the open
 * page would still show the old text. So, as Eleventy starts a rebuild, each
 * saved article that still reads without a problem and keeps its address has
 * its page rendered from its new record and the last build's Archive (the
 * neighbours, groups and addresses the page links to) and written at once;
 * the open pages reload to show it. The rebuild then writes that page again
 * with everything else: the written file has another time than the output
 * ledger noted, so it is never taken for the build's own (output-ledger.ts).
 *
 * Left to the rebuild: an article that moves (another date or id), a new or
 * deleted file, and any file with a problem, so that the error page, not a
 * page made of a broken record, is what shows. A rule across files (a shared
 * id, a missing translation) is only the rebuild's: its error page follows
 * the preview.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleCitations } from "../exports/citation-cache.ts";
import type { ArticleEntry, ArticleRecord } from "../records/article-record.ts";
import { parseArticle } from "../records/parse-article.ts";
import { permalinkToFile } from "../build/output/pages-to-write.ts";

export interface PreviewRenderers {
  articleContext(archive: Archive, article: ArticleEntry, citationsOf: (article: ArticleEntry) => ArticleCitations): unknown;
  /** The article template's page of a record and a context: the bytes the build writes. */
  articlePage(article: ArticleRecord, context: never): string;
}

export interface PreviewInput {
  root: string;
  /** The last build's Archive and citations. */
  archive: Archive;
  citationsOf: (article: ArticleEntry) => ArticleCitations;
  render: PreviewRenderers;
  /** The site folder the pages are written in. */
  output: string;
  /** The files Eleventy saw change, as it names them. */
  changed: readonly string[];
}

/** Writes the page of each changed article that may be previewed; answers the files written, site-relative. */
export async function writeArticlePreviews(input: PreviewInput): Promise<string[]> {
  const byFile = new Map(input.archive.articles.map((article) => [path.resolve(input.root, article.file), article]));
  const written: string[] = [];
  for (const changed of input.changed) {
    const before = byFile.get(path.resolve(input.root, changed));
    if (!before) continue;
    const bytes = await readFile(path.resolve(input.root, before.file)).catch(() => undefined);
    if (!bytes) continue;
    const parsed = parseArticle(before.file, bytes);
    if (!parsed.ok || parsed.record.permalink !== before.permalink || parsed.record.id !== before.id) continue;
    // The Archive knows an article's issue by its record: the new record is looked up as the one it replaces.
    // Its body is the new record's own, not the one the last build kept (article-bodies.ts).
    const archive: Archive = {
      ...input.archive,
      issueOf: (article) => input.archive.issueOf(article === parsed.record ? before : article),
      bodyOf: (article) =>
        article === parsed.record ? { html: parsed.record.html, text: parsed.record.text } : input.archive.bodyOf(article),
    };
    const context = input.render.articleContext(archive, parsed.record, input.citationsOf);
    const page = input.render.articlePage(parsed.record, context as never);
    const relative = permalinkToFile(parsed.record.permalink);
    const file = path.join(input.output, relative);
    // Whole or not at all: the server may be reading the page while it is written.
    const temporary = `${file}.${process.pid}.preview`;
    await writeFile(temporary, page);
    await rename(temporary, file);
    written.push(relative);
  }
  return written;
}
