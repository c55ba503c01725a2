/** One page per article, at its permalink (ARCHITECTURE.md). */
import type { Archive, Group } from "../src/archive/build-archive.ts";
import type { SiteConfig } from "../src/archive/site-config.ts";
import { formatMessage, messagesFor, type Messages } from "../src/archive/interface-messages.ts";
import { languageToName } from "../src/archive/language-names.ts";
import type { ArticleEntry, ArticleRecord } from "../src/records/article-record.ts";
import { withBody } from "../src/records/article-bodies.ts";
import type { ArticleCitations } from "../src/exports/citation-cache.ts";
import { absoluteUrl, page, type Crumb } from "../src/render/layout.ts";
import { dateElement, headlineList, linkToGroup, monthToName, textToDescription, type Headline } from "../src/render/components.ts";
import { html, jsonForScript, langAttribute, trustedHtml } from "../src/render/html.ts";
import { linkExternalImages } from "../src/render/external-images.ts";

interface Data {
  archive: Archive;
  article: ArticleEntry;
  citationsOf: (article: ArticleEntry) => ArticleCitations;
}

export const data = {
  pagination: { data: "pagesToWrite.articles", size: 1, alias: "article", addAllPagesToCollections: false },
  permalink: (data: Data) => data.article.permalink,
  eleventyExcludeFromCollections: true,
};

/** Headlines in each "More from…" and "More on…" list: a few, so the page stays light. */
const MORE = 3;
/** "More on…" lists, for the article's first tags that have other articles: one keeps a long article's page light. */
const MORE_TAGS = 1;

/**
 * In place of the text, for an article whose source gives none (a listing that
 * prints a headline and a "read more" link only): said plainly, so that an
 * empty page is not taken for a fault. An article with no source was written
 * in by hand without its text: no source is blamed then.
 */
function bodyMissing(m: Messages, article: ArticleRecord, site: string) {
  const said = !article.source ? m.bodyNotAdded : article.summary ? m.bodyMissingHeadlineAndSummary : m.bodyMissingHeadline;
  return html`<p class="body-missing"${langAttribute(site, article.language)}>${said}${article.url ? m.bodyMissingOriginal : ""}</p>`;
}

const collapseSpace = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Whether the body opens with the summary's words. A listing prints a teaser
 * and no more, and the importer keeps it as both summary and body, so over half
 * of the default collection's pages showed the same paragraph twice; the dek is
 * left out then, and the page description and the lists still use the summary.
 */
export function summaryOpensBody(article: Pick<ArticleRecord, "summary" | "text">): boolean {
  if (article.summary === undefined) return false;
  const summary = collapseSpace(article.summary);
  // Only the opening is collapsed (with room for runs of spaces): the whole text of every article was
  // about half a second of a build that renders every page to compare it, at 10,000 articles.
  return collapseSpace(article.text.slice(0, summary.length * 4 + 200)).startsWith(summary);
}

/** Home, then the year and (when the article is filed under one) the month it belongs to. */
function articleToCrumbs(archive: Archive, article: ArticleEntry): Crumb[] {
  const m = messagesFor(archive.site.language);
  const crumbs: Crumb[] = [{ label: m.home, url: "/" }];
  const date = article.parsedDate;
  if (!date) crumbs.push({ label: m.undatedTitle, url: "/undated/" });
  else {
    const year = archive.years.find((y) => y.year === date.start.year);
    // A year outside the archive's years has no page to link to.
    crumbs.push(year ? { label: String(date.start.year), url: year.url } : { label: String(date.start.year) });
    const month = date.start.month ? year?.months[date.start.month - 1] : undefined;
    // By id, not by object: `npm start` renders a saved article's new record against the last build's months (src/site/quick-preview.ts).
    if (month?.articles.some((other) => other.id === article.id)) crumbs.push({ label: monthToName(m, month.month), url: month.url });
  }
  crumbs.push({ label: article.title, lang: article.language });
  return crumbs;
}

/**
 * Everything an article's page shows besides its own record: `renderArticlePage`
 * is given nothing else, so a page whose record and context are those of the
 * last build is the same page, and is kept without being rendered
 * (src/build/cache/article-page-key.ts). Plain data, so that it hashes as JSON; other
 * articles appear by the few fields the page shows of them.
 */
export interface ArticlePageContext {
  site: SiteConfig;
  /** Addresses of the pages of the article's publication, authors, language and tags, in its order (none: no page). */
  groupUrls: { publication?: string; authors: Array<string | undefined>; language?: string; tags: Array<string | undefined> };
  issueUrl?: string;
  /** The kept source's page, when it has one (source-pages.ts). */
  sourcePageUrl?: string;
  crumbs: Crumb[];
  translations: Array<Pick<ArticleRecord, "permalink" | "language">>;
  previous?: Headline;
  next?: Headline;
  morePublication: Headline[];
  moreTags: Array<{ name: string; url: string; articles: Headline[] }>;
  /** The formatted reference, HTML (citations.ts). */
  reference: string;
}

const toHeadline = ({ permalink, title, language, parsedDate }: Headline): Headline => ({ permalink, title, language, parsedDate });

export function articlePageContext(
  archive: Archive,
  article: ArticleEntry,
  citationsOf: (article: ArticleEntry) => ArticleCitations,
): ArticlePageContext {
  const related = archive.related.get(article.id)!;
  const url = (kind: Group["kind"], name: string) => archive.groupOf(kind, name)?.url;
  return {
    site: archive.site,
    groupUrls: {
      publication: url("publication", article.publication),
      authors: (article.authors ?? []).map((name) => url("author", name)),
      language: url("language", article.language),
      tags: (article.tags ?? []).map((tag) => url("tag", tag)),
    },
    issueUrl: archive.issueOf(article)?.url,
    sourcePageUrl: article.source ? archive.sourcePageOf(article.source.file)?.url : undefined,
    crumbs: articleToCrumbs(archive, article),
    translations: related.translations.map(({ permalink, language }) => ({ permalink, language })),
    previous: related.previous && toHeadline(related.previous),
    next: related.next && toHeadline(related.next),
    morePublication: related.morePublication.slice(0, MORE).map(toHeadline),
    moreTags: related.moreTags
      .slice(0, MORE_TAGS)
      .map(({ group, articles }) => ({ name: group.name, url: group.url, articles: articles.slice(0, MORE).map(toHeadline) })),
    reference: citationsOf(article).reference,
  };
}

/** The kept source's file, linked to its lines on the source's page when it has one. */
function sourceLink(source: NonNullable<ArticleRecord["source"]>, pageUrl: string | undefined) {
  return pageUrl ? html`<a href="${pageUrl}#L${source.lines[0]}"><code>${source.file}</code></a>` : html`<code>${source.file}</code>`;
}

export function render({ archive, article, citationsOf }: Data): string {
  // The Archive holds the article without its body: read now, for this page only (article-bodies.ts).
  return renderArticlePage(withBody(article, archive), articlePageContext(archive, article, citationsOf));
}

export function renderArticlePage(article: ArticleRecord, context: ArticlePageContext): string {
  const { groupUrls, previous, next } = context;
  const source = article.source;
  const site = context.site.language;
  const m = messagesFor(site);
  const groupLink = (url: string | undefined, kind: Group["kind"], name: string, className?: string) =>
    linkToGroup(url, kind, name, site, className);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    inLanguage: article.language,
    ...(article.parsedDate ? { datePublished: article.parsedDate.edtf } : {}),
    ...(article.authors ? { author: article.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    publisher: { "@type": "Organization", name: article.publication },
    url: absoluteUrl(context, article.permalink),
    ...(article.url ? { isBasedOn: article.url } : {}),
  };
  const content = html`<article class="article"${langAttribute(article.language, site)}>
  <header class="article-header">
    <p class="kicker"${langAttribute(site, article.language)}>${groupLink(groupUrls.publication, "publication", article.publication, "kicker-publication")}${context.issueUrl !== undefined ? html`<span class="sep" aria-hidden="true"> · </span><a class="issue" href="${context.issueUrl}">${article.issue}</a>` : ""}${article.page !== undefined ? html`<span class="sep" aria-hidden="true"> · </span><span class="page-number">${formatMessage(m.pageOfIssue, { page: article.page })}</span>` : ""}</p>
    <h1 class="article-title">${article.title}</h1>
    ${article.summary && !summaryOpensBody(article) ? html`<p class="dek">${article.summary}</p>` : ""}
    <dl class="article-meta"${langAttribute(site, article.language)}>
      ${article.authors?.length ? html`<div><dt>${m.byline}</dt><dd>${article.authors.map((name, i) => html`${i ? ", " : ""}${groupLink(groupUrls.authors[i], "author", name, "byline")}`)}</dd></div>` : ""}
      <div><dt>${m.date}</dt><dd>${dateElement(m, article)}</dd></div>
      ${article.place ? html`<div><dt>${m.place}</dt><dd>${article.place}</dd></div>` : ""}
      <div><dt>${m.language}</dt><dd>${groupLink(groupUrls.language, "language", article.language, "language")}</dd></div>
      ${article.tags?.length ? html`<div class="meta-tags"><dt>${m.tags}</dt><dd><ul class="chips">${article.tags.map((tag, i) => html`<li>${groupLink(groupUrls.tags[i], "tag", tag)}</li>`)}</ul></dd></div>` : ""}
    </dl>
    ${context.translations.length ? html`<p class="translations"${langAttribute(site, article.language)}>${m.alsoIn}${context.translations.map((t, i) => html`${i ? ", " : ""}<a href="${t.permalink}" hreflang="${t.language}" lang="${t.language}">${languageToName(t.language)}</a>`)}</p>` : ""}
  </header>
  <div class="article-body">
${article.html.trim() ? trustedHtml(context.site.externalImages === "link" ? linkExternalImages(article.html, m) : article.html) : bodyMissing(m, article, site)}
  </div>
</article>
${
  previous || next
    ? html`<nav class="prev-next" aria-label="${m.earlierLaterArticles}">
  ${previous ? html`<a class="previous" rel="prev" href="${previous.permalink}"><span class="prev-next-label">${m.earlier}</span> <span class="prev-next-title"${langAttribute(previous.language, site)}>${previous.title}</span></a>` : ""}
  ${next ? html`<a class="next" rel="next" href="${next.permalink}"><span class="prev-next-label">${m.later}</span> <span class="prev-next-title"${langAttribute(next.language, site)}>${next.title}</span></a>` : ""}
</nav>`
    : ""
}
<aside class="article-aside" aria-label="${m.aboutThisArticle}">
  <section class="provenance">
    <h2>${m.provenance}</h2>
    <dl>
      ${article.url ? html`<div><dt>${m.original}</dt><dd><a href="${article.url}" rel="external nofollow">${article.url}</a></dd></div>` : ""}
      ${source ? html`<div><dt>${m.source}</dt><dd>${sourceLink(source, context.sourcePageUrl)}${formatMessage(m.sourceLines, { first: source.lines[0], last: source.lines[1] })}</dd></div>` : ""}
      <div><dt>${m.articleFile}</dt><dd><code>${article.file}</code></dd></div>
    </dl>
  </section>
  <section class="cite">
    <h2>${m.cite}</h2>
    <p class="reference">${trustedHtml(context.reference)}</p>
    <p class="cite-formats">${m.download} <a href="cite.bib">BibTeX</a> · <a href="cite.ris">RIS</a> · <a href="cite.json">CSL-JSON</a></p>
  </section>
  ${context.morePublication.length ? html`<section class="more"><h2>${m.moreFrom}<a href="${groupUrls.publication}">${article.publication}</a></h2>${headlineList(site, context.morePublication)}</section>` : ""}
  ${context.moreTags.map(({ name, url, articles }) => html`<section class="more"><h2>${m.moreOn}<a href="${url}">${name}</a></h2>${headlineList(site, articles)}</section>`)}
</aside>`;
  return page({
    archive: context,
    title: article.title,
    url: article.permalink,
    description: article.summary ?? textToDescription(article.text),
    breadcrumbs: context.crumbs,
    bodyClass: "page-article",
    stylesheets: [],
    head: html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
    // Marks the searched words when the reader comes from a search result (`?highlight=`); loads nothing otherwise.
    scripts: ["/search-highlight.js"],
    content,
  });
}
