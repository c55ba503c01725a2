/**
 * Article pages written by the build itself, a batch at a time, rather than
 * through Eleventy's pagination (write-rendered-pages.ts). The bytes are the
 * article template's own (`renderArticlePage` over `articlePageContext`).
 */
import type { Archive } from "../../archive/build-archive.ts";
import type { ArticleCitations } from "../../exports/citation-cache.ts";
import { withBody } from "../../records/article-bodies.ts";
import type { ArticleEntry } from "../../records/article-record.ts";
import { permalinkToFile, type PageRenderers } from "./pages-to-write.ts";
import { writeRenderedPages, type RenderedPagesOutput } from "./write-rendered-pages.ts";

export interface ArticlePagesInput extends RenderedPagesOutput {
  archive: Archive;
  articles: readonly ArticleEntry[];
  citationsOf: (article: ArticleEntry) => ArticleCitations;
  render: Pick<PageRenderers, "articleContext" | "articlePage">;
}

/** Renders and writes the pages of `articles`; answers their files, site-relative, in the articles' order. */
export async function writeArticlePages(input: ArticlePagesInput): Promise<string[]> {
  const files = input.articles.map((article) => permalinkToFile(article.permalink));
  await writeRenderedPages(
    input.articles,
    files,
    (article) => {
      // Made again rather than kept from selectPagesToWrite: on a cold build that would hold every page's context at once.
      const context = input.render.articleContext(input.archive, article, input.citationsOf);
      // The Archive holds the article without its body: read now, for this page only (article-bodies.ts).
      return input.render.articlePage(withBody(article, input.archive), context as never);
    },
    input,
  );
  return files;
}
