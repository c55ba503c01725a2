/**
 * Which article and list pages this build hands to Eleventy: those whose
 * bytes differ from what the last build left in the site (output-ledger.ts).
 * They are nearly all of a site's pages, and Eleventy's cost per page is the
 * larger part of a build that changed little; the few others (home, indexes,
 * search) are always rendered.
 *
 * Feeds are chosen by what they are made of instead: each one's feed cache
 * key names its exact bytes, so an unchanged feed is neither rendered nor
 * read. At 10,000 articles the 142 feed documents are 44 MB (each holds the
 * whole HTML of its latest articles); reading, checking and writing them
 * again took about a second of every build.
 *
 * The templates paginate over `pagesToWrite` instead of the whole Archive;
 * a page left out keeps the file it already has, and the prune after the
 * build keeps it too (`OutputLedger.unchanged`).
 */
import type { Archive, FeedSpec, ListPage } from "../../archive/build-archive.ts";
import type { ArticleCitations } from "../../exports/citation-cache.ts";
import type { ArticleEntry, ArticleRecord } from "../../records/article-record.ts";
import type { ArticlePageKeys } from "../cache/article-page-key.ts";
import type { FeedCache } from "../cache/feed-cache.ts";
import { feedPermalink, type FeedFormat } from "../../render/feeds.ts";
import type { OutputLedger } from "../cache/output-ledger.ts";

export interface PagesToWrite {
  articles: ArticleEntry[];
  listPages: ListPage[];
  feeds: Record<FeedFormat, FeedSpec[]>;
  /** An article's permanent and earlier addresses, each a page that sends the reader on. */
  redirects: Archive["redirects"];
}

/** The feeds to render, the key each feed file is made from (for `OutputLedger.noteWritten`), and how many files were left as they are. */
export interface FeedsToWrite {
  feeds: Record<FeedFormat, FeedSpec[]>;
  sources: Map<string, string>;
  unchanged: number;
}

const FEED_FORMATS: readonly FeedFormat[] = ["atom", "json"];

/**
 * From templates/article.11ty.ts, what an article's page is made of besides
 * its record (`articlePageContext`) and the page of a record and that context
 * (`renderArticlePage`: the bytes the build writes); from
 * templates/list.11ty.ts and templates/redirects.11ty.ts, the render functions,
 * given the data Eleventy gives them.
 */
export interface PageRenderers {
  articleContext(archive: Archive, article: ArticleEntry, citationsOf: (article: ArticleEntry) => ArticleCitations): unknown;
  articlePage(article: ArticleRecord, context: never): string;
  list(data: { archive: Archive; listPage: ListPage }): string;
  /** From templates/redirects.11ty.ts, its render function. */
  redirect(data: { archive: Archive; redirect: Archive["redirects"][number] }): string;
}

/** The file Eleventy writes for a permalink: `/2021/03/slug/` -> `2021/03/slug/index.html`. */
export function permalinkToFile(permalink: string): string {
  const relative = permalink.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Every page, as without a ledger. */
export function allPages(archive: Archive): PagesToWrite {
  return {
    articles: archive.articles,
    listPages: archive.listPages,
    feeds: { atom: archive.feeds, json: archive.feeds },
    redirects: archive.redirects,
  };
}

/** The feeds whose file is missing, touched since, or made from another input or code; the others are kept in the feed cache. */
export function selectFeedsToWrite(archive: Archive, cache: FeedCache, ledger: OutputLedger): FeedsToWrite {
  const sources = new Map<string, string>();
  const feeds = { atom: [] as FeedSpec[], json: [] as FeedSpec[] };
  let unchanged = 0;
  for (const format of FEED_FORMATS) {
    for (const spec of archive.feeds) {
      const key = cache.keyOf(archive, spec, format);
      const file = permalinkToFile(feedPermalink(spec, format));
      if (key !== undefined) sources.set(file, key);
      if (key !== undefined && ledger.isUnchangedFrom(file, key)) {
        cache.keep(key);
        unchanged++;
      } else feeds[format].push(spec);
    }
  }
  return { feeds, sources, unchanged };
}

/** The pages to write, and the key each article page is made from (for `OutputLedger.noteWritten`). */
export interface ChosenPages {
  pages: PagesToWrite;
  sources: Map<string, string>;
}

/**
 * The pages whose file is missing, touched since, or would now hold other
 * bytes: an article page's by its key (article-page-key.ts), a list page's by
 * rendering it and comparing its bytes.
 */
export function selectPagesToWrite(
  archive: Archive,
  citationsOf: (article: ArticleEntry) => ArticleCitations,
  render: PageRenderers,
  ledger: OutputLedger,
  keys: ArticlePageKeys,
): ChosenPages {
  const sources = new Map<string, string>();
  const articles = archive.articles.filter((article) => {
    const file = permalinkToFile(article.permalink);
    const key = keys.keyOf(article, render.articleContext(archive, article, citationsOf));
    sources.set(file, key);
    return !ledger.isUnchangedFrom(file, key);
  });
  return {
    pages: {
      ...allPages(archive),
      articles,
      listPages: archive.listPages.filter(
        (listPage) => !ledger.isUnchanged(permalinkToFile(listPage.url), () => render.list({ archive, listPage })),
      ),
    },
    sources,
  };
}
