/**
 * Records -> the Archive: every index and list the templates need, computed
 * once per build so no page repeats work; the Archive is the only thing
 * templates see (ARCHITECTURE.md).
 */
import type { ArticleBody, ArticleEntry } from "../records/article-record.ts";
import { BODIES_IN_RECORDS, type BodyReader } from "../records/article-bodies.ts";
import { textToSlug } from "../records/ids.ts";
import { dateToPathPrefix, permanentAddress } from "../records/permalink.ts";
import { yearInRange } from "../records/date-range.ts";
import { compareNewestFirst, compareTableOfContents, compareText } from "./compare-articles.ts";
import { messagesFor, monthYearTitle } from "./interface-messages.ts";
import { languageToName } from "./language-names.ts";
import type { EntryDays } from "./entry-days.ts";
import type { SiteConfig } from "./site-config.ts";
import type { SourcePage } from "./source-pages.ts";

export interface Group {
  kind: "tag" | "publication" | "author" | "language";
  slug: string;
  name: string;
  url: string;
  articles: ArticleEntry[];
}

/** One print issue of a publication (the articles whose `issue` names it): a table of contents. */
export interface IssueGroup {
  publication: Group;
  /** The label as printed, `N° 37`. */
  label: string;
  slug: string;
  /** `/publications/<publication>/issues/<issue>/`. */
  url: string;
  /** In page order: `page`, then where each begins in its source. */
  articles: ArticleEntry[];
}

/** A publication's print issues: the page `/publications/<publication>/issues/`. */
export interface IssueIndex {
  publication: Group;
  url: string;
  /** The issue with the newest article first; issues of undated articles last. */
  issues: IssueGroup[];
}

export interface MonthGroup {
  year: number;
  month: number;
  url: string;
  articles: ArticleEntry[];
}

export interface YearGroup {
  year: number;
  url: string;
  /** Every article filed under the year, month-precise ones included. */
  articles: ArticleEntry[];
  /** Twelve entries, empty months included, so a year page can show the whole year. */
  months: MonthGroup[];
  /** Articles dated only to the year (or an interval across months). */
  yearOnly: ArticleEntry[];
}

/** One page of a paginated list: every list page of the site is one of these. */
export interface ListPage {
  kind: "year" | "month" | "undated" | Group["kind"] | "issue" | "latest";
  title: string;
  /** The list's own address (page 1). */
  baseUrl: string;
  url: string;
  pageNumber: number;
  pageCount: number;
  total: number;
  items: ArticleEntry[];
  group?: Group;
  issue?: IssueGroup;
  year?: YearGroup;
  month?: MonthGroup;
}

export interface FeedSpec {
  title: string;
  /** Address of the HTML page the feed follows. */
  pageUrl: string;
  /** `/feed` for the site, `/tags/x/feed` for a tag: `.xml` and `.json` are added. */
  basePath: string;
  /** The articles that entered the archive last (`entryDayOf`), newest first, dated or not. */
  articles: ArticleEntry[];
}

export interface Related {
  translations: ArticleEntry[];
  previous: ArticleEntry | undefined;
  next: ArticleEntry | undefined;
  morePublication: ArticleEntry[];
  moreTags: Array<{ group: Group; articles: ArticleEntry[] }>;
}

export interface Archive {
  site: SiteConfig;
  /** Newest first; undated last. */
  articles: ArticleEntry[];
  byId: Map<string, ArticleEntry>;
  years: YearGroup[];
  undated: ArticleEntry[];
  tags: Group[];
  publications: Group[];
  authors: Group[];
  languages: Group[];
  /** The issues of each publication that prints them, in the order of `publications`. */
  issueIndexes: IssueIndex[];
  listPages: ListPage[];
  feeds: FeedSpec[];
  related: Map<string, Related>;
  /** The kept source pages the articles were imported from (source-pages.ts). */
  sources: SourcePage[];
  /** Alias address or permanent address (`/a/<id>/`) -> article: each becomes a redirect page. */
  redirects: Array<{ from: string; to: ArticleEntry }>;
  groupOf: (kind: Group["kind"], name: string) => Group | undefined;
  issueOf: (article: ArticleEntry) => IssueGroup | undefined;
  issueIndexOf: (publication: Group) => IssueIndex | undefined;
  sourcePageOf: (file: string) => SourcePage | undefined;
  /** The ISO day the article entered the archive (entry-days.ts), which the feeds go by. */
  entryDayOf: (article: ArticleEntry) => string;
  /** The article's body, read when a page, feed or search record shows it: the Archive keeps none (article-bodies.ts). */
  bodyOf: (article: ArticleEntry) => ArticleBody;
}

const pad = (n: number) => String(n).padStart(2, "0");
const RELATED_COUNT = 4;

/** Groups with the most articles first; groups of one size keep their order (by name, as the Archive lists them). */
export function mostUsedFirst(groups: readonly Group[]): Group[] {
  return [...groups].sort((a, b) => b.articles.length - a.articles.length);
}

/** The slug a name is filed under: one with no letter or digit to keep is `unnamed`. */
const slugOf = (name: string) => textToSlug(name) || "unnamed";
/** A group's slug: a language keeps its code. */
const groupSlug = (kind: Group["kind"], key: string) => (kind === "language" ? key : slugOf(key));

function groupBy(
  articles: ArticleEntry[],
  kind: Group["kind"],
  keys: (a: ArticleEntry) => string[],
  prefix: string,
  naming: (key: string) => string = (k) => k,
): Group[] {
  const groups = new Map<string, Group>();
  for (const article of articles) {
    for (const key of new Set(keys(article))) {
      const slug = groupSlug(kind, key);
      let group = groups.get(slug);
      if (!group) {
        group = { kind, slug, name: naming(key), url: `/${prefix}/${slug}/`, articles: [] };
        groups.set(slug, group);
      }
      group.articles.push(article);
    }
  }
  return [...groups.values()].sort((a, b) => compareText(a.name, b.name));
}

/**
 * Issues by the slug of their label within each publication. Walking the
 * publication's articles newest first puts the issue with the newest article
 * first, and issues of undated articles last.
 */
function buildIssueIndexes(publications: readonly Group[]): IssueIndex[] {
  const indexes: IssueIndex[] = [];
  for (const publication of publications) {
    const bySlug = new Map<string, IssueGroup>();
    for (const article of publication.articles) {
      if (article.issue === undefined) continue;
      const slug = slugOf(article.issue);
      let issue = bySlug.get(slug);
      if (!issue)
        bySlug.set(slug, (issue = { publication, label: article.issue, slug, url: `${publication.url}issues/${slug}/`, articles: [] }));
      issue.articles.push(article);
    }
    for (const issue of bySlug.values()) issue.articles.sort(compareTableOfContents);
    if (bySlug.size) indexes.push({ publication, url: `${publication.url}issues/`, issues: [...bySlug.values()] });
  }
  return indexes;
}

function paginate(
  base: Omit<ListPage, "url" | "pageNumber" | "pageCount" | "items" | "total">,
  articles: ArticleEntry[],
  pageSize: number,
): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(articles.length / pageSize));
  return Array.from({ length: pageCount }, (_, index) => ({
    ...base,
    url: index === 0 ? base.baseUrl : `${base.baseUrl}page/${index + 1}/`,
    pageNumber: index + 1,
    pageCount,
    total: articles.length,
    items: articles.slice(index * pageSize, (index + 1) * pageSize),
  }));
}

function buildYears(dated: ArticleEntry[]): YearGroup[] {
  const years = new Map<number, YearGroup>();
  for (const article of dated) {
    const date = article.parsedDate!;
    const year = date.start.year;
    let group = years.get(year);
    if (!group) {
      group = {
        year,
        url: `/${year}/`,
        articles: [],
        yearOnly: [],
        months: Array.from({ length: 12 }, (_, i) => ({ year, month: i + 1, url: `/${year}/${pad(i + 1)}/`, articles: [] })),
      };
      years.set(year, group);
    }
    group.articles.push(article);
    // The URL scheme files an article under a month only when its whole date lies in that month.
    const inOneMonth = dateToPathPrefix(date).split("/").length >= 4;
    if (inOneMonth && date.start.month) group.months[date.start.month - 1]!.articles.push(article);
    else group.yearOnly.push(article);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/**
 * `entryDays` (entry-days.ts) by article id; an article missing from it is
 * taken to have entered on its own date's first day, or, undated, on the
 * latest day any article entered.
 */
export function buildArchive(
  records: readonly ArticleEntry[],
  site: SiteConfig,
  sources: SourcePage[] = [],
  entryDays: EntryDays = new Map(),
  bodies: BodyReader = BODIES_IN_RECORDS,
): Archive {
  const articles = [...records].sort(compareNewestFirst);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const dated = articles.filter((a) => a.parsedDate);
  const undated = articles.filter((a) => !a.parsedDate);
  // A year outside the archive's own (a typo such as `0023`, or `-44`) gets no page.
  const years = buildYears(dated).filter((group) => yearInRange(group.year, site.dates));

  const tags = groupBy(articles, "tag", (a) => a.tags ?? [], "tags");
  const publications = groupBy(articles, "publication", (a) => [a.publication], "publications");
  const authors = groupBy(articles, "author", (a) => a.authors ?? [], "authors");
  const languages = groupBy(articles, "language", (a) => [a.language], "languages", languageToName);
  const groupIndex = new Map<string, Group>();
  for (const group of [...tags, ...publications, ...authors, ...languages]) groupIndex.set(`${group.kind}:${group.slug}`, group);
  const groupOf = (kind: Group["kind"], name: string) => groupIndex.get(`${kind}:${groupSlug(kind, name)}`);
  const issueIndexes = buildIssueIndexes(publications);
  const issueIndexByPublication = new Map(issueIndexes.map((index) => [index.publication, index]));
  const issueByArticle = new Map(
    issueIndexes.flatMap((index) => index.issues.flatMap((issue) => issue.articles.map((article) => [article, issue] as const))),
  );
  const issueOf = (article: ArticleEntry) => issueByArticle.get(article);
  const issueIndexOf = (publication: Group) => issueIndexByPublication.get(publication);

  const size = site.pageSize;
  const messages = messagesFor(site.language);
  const listPages: ListPage[] = [
    ...paginate({ kind: "latest", title: messages.allArticlesTitle, baseUrl: "/articles/" }, articles, size),
    ...years.flatMap((year) => [
      ...paginate({ kind: "year", title: String(year.year), baseUrl: year.url, year }, year.articles, size),
      ...year.months
        .filter((month) => month.articles.length > 0)
        .flatMap((month) =>
          paginate(
            { kind: "month", title: monthYearTitle(messages, month.year, month.month), baseUrl: month.url, year, month },
            month.articles,
            size,
          ),
        ),
    ]),
    ...(undated.length ? paginate({ kind: "undated", title: messages.undatedTitle, baseUrl: "/undated/" }, undated, size) : []),
    ...[...tags, ...publications, ...authors, ...languages].flatMap((group) =>
      paginate({ kind: group.kind, title: group.name, baseUrl: group.url, group }, group.articles, size),
    ),
    ...issueIndexes
      .flatMap((index) => index.issues)
      .flatMap((issue) =>
        paginate(
          { kind: "issue", title: `${issue.publication.name}, ${issue.label}`, baseUrl: issue.url, group: issue.publication, issue },
          issue.articles,
          size,
        ),
      ),
  ];

  const dayOfDate = (article: ArticleEntry) =>
    article.parsedDate ? new Date(article.parsedDate.min).toISOString().slice(0, 10) : undefined;
  const latestDay = articles.map((a) => entryDays.get(a.id) ?? dayOfDate(a) ?? "").reduce((a, b) => (a > b ? a : b), "");
  const entryDay = new Map(articles.map((a) => [a.id, entryDays.get(a.id) ?? dayOfDate(a) ?? latestDay]));
  const entryDayOf = (article: ArticleEntry) => entryDay.get(article.id)!;
  const archiveOrder = new Map(articles.map((a, index) => [a, index]));
  // Latest entered first (ISO days compare as text); one day's in archive order (newest date first, undated last).
  const feedArticles = (list: ArticleEntry[]) =>
    [...list]
      .sort((a, b) =>
        entryDayOf(a) < entryDayOf(b) ? 1 : entryDayOf(a) > entryDayOf(b) ? -1 : archiveOrder.get(a)! - archiveOrder.get(b)!,
      )
      .slice(0, site.feedSize);
  // A feed with no entry would say nothing: an archive without articles has none.
  const feeds: FeedSpec[] = [
    { title: site.title, pageUrl: "/", basePath: "/feed", articles: feedArticles(articles) },
    ...tags.map((g) => ({
      title: `${site.title}: ${g.name}`,
      pageUrl: g.url,
      basePath: `${g.url}feed`,
      articles: feedArticles(g.articles),
    })),
    ...publications.map((g) => ({
      title: `${site.title}: ${g.name}`,
      pageUrl: g.url,
      basePath: `${g.url}feed`,
      articles: feedArticles(g.articles),
    })),
  ].filter((feed) => feed.articles.length > 0);

  // Translations are linked both ways, whichever side the editor wrote.
  const translationIds = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const other of article.translations ?? []) {
      if (!byId.has(other) || other === article.id) continue;
      translationIds.set(article.id, (translationIds.get(article.id) ?? new Set()).add(other));
      translationIds.set(other, (translationIds.get(other) ?? new Set()).add(article.id));
    }
  }
  const chronological = [...dated].reverse();
  const position = new Map(chronological.map((a, i) => [a.id, i]));
  const related = new Map<string, Related>();
  for (const article of articles) {
    const index = position.get(article.id);
    const excluded = new Set([article.id, ...(translationIds.get(article.id) ?? [])]);
    // Stops after the few it needs: filtering whole groups for every article made this quadratic.
    const nearby = (list: ArticleEntry[]) => {
      const picked: ArticleEntry[] = [];
      for (const candidate of list) {
        if (excluded.has(candidate.id)) continue;
        picked.push(candidate);
        if (picked.length === RELATED_COUNT) break;
      }
      return picked;
    };
    related.set(article.id, {
      translations: [...(translationIds.get(article.id) ?? [])]
        .map((id) => byId.get(id)!)
        .sort((a, b) => compareText(a.language, b.language)),
      previous: index === undefined ? undefined : chronological[index - 1],
      next: index === undefined ? undefined : chronological[index + 1],
      morePublication: nearby(groupOf("publication", article.publication)?.articles ?? []),
      moreTags: (article.tags ?? []).slice(0, 2).flatMap((tag) => {
        const group = groupOf("tag", tag);
        const list = group ? nearby(group.articles) : [];
        return group && list.length ? [{ group, articles: list }] : [];
      }),
    });
  }

  const sourceByFile = new Map(sources.map((source) => [source.file, source]));
  const sourcePageOf = (file: string) => sourceByFile.get(file);
  const redirects = articles.flatMap((to) => [permanentAddress(to.id), ...(to.aliases ?? [])].map((from) => ({ from, to })));
  return {
    site,
    articles,
    byId,
    years,
    undated,
    tags,
    publications,
    authors,
    languages,
    issueIndexes,
    listPages,
    feeds,
    related,
    sources,
    redirects,
    groupOf,
    issueOf,
    issueIndexOf,
    sourcePageOf,
    entryDayOf,
    bodyOf: (article) => bodies.bodyOf(article),
  };
}
