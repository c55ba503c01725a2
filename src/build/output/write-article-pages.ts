/**
 * Article pages written by the build itself, a batch at a time, rather than
 * through Eleventy's pagination: Eleventy keeps every page it renders, and
 * each paginated page's data, until the build ends, which was most of what a
 * cold build's memory grew by with the archive (PERFORMANCE.md, "Memory").
 * Here a page's text lives only until its file is written. The bytes are the
 * article template's own (`renderArticlePage` over `articlePageContext`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../../archive/build-archive.ts";
import type { ArticleCitations } from "../../exports/citation-cache.ts";
import { withBody } from "../../records/article-bodies.ts";
import type { ArticleEntry } from "../../records/article-record.ts";
import { forEachLimited } from "../../lib/limited-concurrency.ts";
import { permalinkToFile, type PageRenderers } from "./pages-to-write.ts";

export interface ArticlePagesInput {
  archive: Archive;
  articles: readonly ArticleEntry[];
  citationsOf: (article: ArticleEntry) => ArticleCitations;
  render: Pick<PageRenderers, "articleContext" | "articlePage">;
  /** The folder the build writes. */
  output: string;
  /** Render every page, as a dry run does, and write none. */
  dryRun: boolean;
  /** Told of each page once written (site-relative file, its text), for the output ledger. */
  written?: (file: string, page: string) => void;
}

/** Renders and writes the pages of `articles`; answers their files, site-relative, in the articles' order. */
export async function writeArticlePages(input: ArticlePagesInput): Promise<string[]> {
  const files = input.articles.map((article) => permalinkToFile(article.permalink));
  const folders = new Set<string>();
  await forEachLimited(input.articles, async (article, index) => {
    // Made again rather than kept from selectPagesToWrite: on a cold build that would hold every page's context at once.
    const context = input.render.articleContext(input.archive, article, input.citationsOf);
    // The Archive holds the article without its body: read now, for this page only (article-bodies.ts).
    const page = input.render.articlePage(withBody(article, input.archive), context as never);
    if (input.dryRun) return;
    const file = path.join(input.output, files[index]!);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(file, page);
    input.written?.(files[index]!, page);
  });
  return files;
}
