/**
 * Which article and list pages this build hands to Eleventy: those whose
 * bytes differ from what the last build left in the site (output-ledger.ts).
 * They are nearly all of a site's pages, and Eleventy's cost per page is the
 * larger part of a build that changed little; the few others (home, indexes,
 * feeds, search) are always rendered.
 *
 * The templates paginate over `pagesToWrite` instead of the whole Archive;
 * a page left out keeps the file it already has, and the prune after the
 * build keeps it too (`OutputLedger.unchanged`).
 */
import type { Archive, ListPage } from "../archive/build-archive.ts";
import type { ArticleCitations } from "../exports/citation-cache.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import type { OutputLedger } from "./output-ledger.ts";

export interface PagesToWrite {
  articles: ArticleRecord[];
  listPages: ListPage[];
}

/** The render functions of templates/article.11ty.ts and templates/list.11ty.ts, given the data Eleventy gives them. */
export interface PageRenderers {
  article(data: { archive: Archive; article: ArticleRecord; citationsOf: (article: ArticleRecord) => ArticleCitations }): string;
  list(data: { archive: Archive; listPage: ListPage }): string;
}

/** The file Eleventy writes for a permalink: `/2021/03/slug/` -> `2021/03/slug/index.html`. */
export function permalinkToFile(permalink: string): string {
  const relative = permalink.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Every page, as without a ledger. */
export function allPages(archive: Archive): PagesToWrite {
  return { articles: archive.articles, listPages: archive.listPages };
}

/** The pages whose file is missing, touched since, or would now hold other bytes. */
export function selectPagesToWrite(
  archive: Archive,
  citationsOf: (article: ArticleRecord) => ArticleCitations,
  render: PageRenderers,
  ledger: OutputLedger,
): PagesToWrite {
  return {
    articles: archive.articles.filter((article) => !ledger.isUnchanged(permalinkToFile(article.permalink), () => render.article({ archive, article, citationsOf }))),
    listPages: archive.listPages.filter((listPage) => !ledger.isUnchanged(permalinkToFile(listPage.url), () => render.list({ archive, listPage }))),
  };
}
