/** Small pieces of markup shared by several pages. */
import type { Archive, Group, IssueGroup, ListPage } from "../archive/build-archive.ts";
import {
  countOf,
  dateLabel,
  formatMessage,
  messagesFor,
  monthName,
  monthYearTitle,
  type CountedNoun,
  type Messages,
} from "../archive/interface-messages.ts";
import { languageToName } from "../archive/language-names.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { dateToDatetimeAttribute } from "../records/edtf-date.ts";
import { html, langAttribute, type HtmlValue, type SafeHtml } from "./html.ts";

/**
 * The date as readers say it, in the interface's language (`m`), with its precision; `edtf` adds the date as
 * written in the file (a tooltip for researchers), `className` a class beside
 * `date`, `lang` the element's language when it differs from its parent's.
 */
export function dateElement(
  m: Messages,
  article: Pick<ArticleEntry, "parsedDate">,
  options: { edtf?: boolean; className?: string; lang?: SafeHtml | "" } = {},
): SafeHtml {
  const label = dateLabel(m, article.parsedDate);
  const classes = options.className ? `date ${options.className}` : "date";
  const lang = options.lang ?? "";
  if (!article.parsedDate) return html`<span class="${classes} date-undated"${lang}>${label}</span>`;
  const title = options.edtf === false ? "" : html` title="EDTF: ${article.parsedDate.edtf}"`;
  return html`<time class="${classes}" datetime="${dateToDatetimeAttribute(article.parsedDate)}"${title}${lang}>${label}</time>`;
}

/**
 * A page description from an article's text: whitespace collapsed, at most
 * `max` characters, cut at a word boundary with an ellipsis (search engines
 * show about 160 characters).
 */
export function textToDescription(text: string, max = 160): string {
  // Only the start is ever shown: collapsing a whole article would cost a pass over every page's text.
  const reach = max * 4;
  const flat = text.slice(0, reach).replace(/\s+/g, " ").trim();
  if (flat.length <= max && text.length <= reach) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** A link to a tag, publication, author or language page, inside interface text (in the site's language). */
export function groupLink(archive: Archive, kind: Group["kind"], name: string, className?: string): SafeHtml {
  return linkToGroup(archive.groupOf(kind, name)?.url, kind, name, archive.site.language, className);
}

/** `groupLink` for a group whose page is at `url` (none: the name without a link), in a site whose interface is in `siteLanguage`. */
export function linkToGroup(
  url: string | undefined,
  kind: Group["kind"],
  name: string,
  siteLanguage: string,
  className?: string,
): SafeHtml {
  const label = kind === "language" ? languageToName(name) : name;
  const lang = kind === "language" ? langAttribute(name, siteLanguage) : "";
  const classes = className ? html` class="${className}"` : "";
  return url !== undefined ? html`<a${classes} href="${url}"${lang}>${label}</a>` : html`<span${classes}${lang}>${label}</span>`;
}

/**
 * Entries already made, by archive and article and heading level. An article
 * is listed on several pages (latest, its year and month, its tags,
 * publication, author and language), with the same markup on each, and an
 * Archive does not change once built: at 10,000 articles the lists held some
 * 80,000 entries, made a few times each.
 */
const listItems = new WeakMap<Archive, WeakMap<ArticleEntry, Partial<Record<`${2 | 3}${"" | "-in-issue"}`, SafeHtml>>>>();

/** How an entry is shown: its headline's heading level, and whether the list is an issue's own (its entries then name their page only). */
export interface ListItemOptions {
  headingLevel?: 2 | 3;
  inIssue?: boolean;
}

/** One entry of an archive list: date, headline, dek, publication (with issue and page, for print); in the article's own language, in a page in the site's. */
export function articleListItem(archive: Archive, article: ArticleEntry, options: ListItemOptions = {}): SafeHtml {
  const headingLevel = options.headingLevel ?? 2;
  const inIssue = options.inIssue ?? false;
  let byArticle = listItems.get(archive);
  if (!byArticle) listItems.set(archive, (byArticle = new WeakMap()));
  let made = byArticle.get(article);
  if (!made) byArticle.set(article, (made = {}));
  return (made[`${headingLevel}${inIssue ? "-in-issue" : ""}`] ??= makeListItem(archive, article, headingLevel, inIssue));
}

/** "N° 37, p. 2", or on the issue's own page (`inIssue`) "p. 2": every entry there is of N° 37. */
function issueAndPage(m: Messages, article: Pick<ArticleEntry, "issue" | "page">, inIssue: boolean): string {
  return [
    inIssue ? undefined : article.issue,
    article.page === undefined ? undefined : formatMessage(m.pageOfIssue, { page: article.page }),
  ]
    .filter((part) => part !== undefined)
    .join(", ");
}

function makeListItem(archive: Archive, article: ArticleEntry, headingLevel: 2 | 3, inIssue: boolean): SafeHtml {
  const link = html`<a href="${article.permalink}">${article.title}</a>`;
  const heading = headingLevel === 2 ? html`<h2 class="entry-title">${link}</h2>` : html`<h3 class="entry-title">${link}</h3>`;
  const site = archive.site.language;
  const m = messagesFor(site);
  const issue = issueAndPage(m, article, inIssue);
  return html`<li class="entry"${langAttribute(article.language, site)}>
  <article>
    ${heading}
    <p class="entry-meta"${langAttribute(site, article.language)}>${dateElement(m, article)}<span class="sep" aria-hidden="true"> · </span>${groupLink(archive, "publication", article.publication, "entry-publication")}${issue ? html`<span class="sep" aria-hidden="true"> · </span><span class="entry-issue">${issue}</span>` : ""}${article.language !== site ? html`<span class="sep" aria-hidden="true"> · </span><span class="entry-language" lang="${article.language}">${languageToName(article.language)}</span>` : ""}</p>
    ${article.summary ? html`<p class="entry-summary">${article.summary}</p>` : ""}
  </article>
</li>`;
}

export function articleList(archive: Archive, articles: ArticleEntry[], options: ListItemOptions = {}): SafeHtml {
  if (articles.length === 0) return html`<p class="empty">${messagesFor(archive.site.language).noArticles}</p>`;
  return html`<ol class="entries">${articles.map((a) => articleListItem(archive, a, options))}</ol>`;
}

/** Issues with how many articles each holds: on a publication's page and its page of issues. */
export function issueGroupList(m: Messages, issues: readonly IssueGroup[]): SafeHtml {
  return html`<ul class="group-list group-list-columns">
    ${issues.map((issue) => html`<li><a href="${issue.url}">${issue.label}</a> <span class="group-count">${countLabel(m, issue.articles.length)}</span></li>`)}
  </ul>`;
}

/** What a list of headlines shows of an article (`headlineList`). */
export type Headline = Pick<ArticleEntry, "permalink" | "title" | "language" | "parsedDate">;

/** A short list of headlines with dates (related articles beside an article), in a part of the page in the site's language `site`. */
export function headlineList(site: string, articles: readonly Headline[]): SafeHtml {
  const m = messagesFor(site);
  return html`<ul class="headlines">${articles.map((a) => html`<li${langAttribute(a.language, site)}><a href="${a.permalink}">${a.title}</a> ${dateElement(m, a, { edtf: false, className: "headline-date", lang: langAttribute(site, a.language) })}</li>`)}</ul>`;
}

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function pageNumbersToShow(current: number, count: number): Array<number | "gap"> {
  const shown = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push("gap");
    out.push(n);
  });
  return out;
}

export function pagination(m: Messages, listPage: ListPage): HtmlValue {
  if (listPage.pageCount < 2) return "";
  const pageUrl = (n: number) => (n === 1 ? listPage.baseUrl : `${listPage.baseUrl}page/${n}/`);
  const current = listPage.pageNumber;
  return html`<nav class="pagination" aria-label="${m.paginationNav}">
  <ul>
    ${current > 1 ? html`<li class="page-step"><a href="${pageUrl(current - 1)}" rel="prev">${m.newer}</a></li>` : ""}
    ${pageNumbersToShow(current, listPage.pageCount).map((n) =>
      n === "gap"
        ? html`<li class="page-gap" aria-hidden="true">…</li>`
        : n === current
          ? html`<li><span aria-current="page"><span class="visually-hidden">${m.pageWord} </span>${n}</span></li>`
          : html`<li><a href="${pageUrl(n)}"><span class="visually-hidden">${m.pageWord} </span>${n}</a></li>`,
    )}
    ${current < listPage.pageCount ? html`<li class="page-step"><a href="${pageUrl(current + 1)}" rel="next">${m.older}</a></li>` : ""}
  </ul>
</nav>`;
}

/** "12 articles", "1 tag" in the interface's language. */
export function countLabel(m: Messages, count: number, noun: CountedNoun = "article"): string {
  return countOf(m, count, noun);
}

/** A month's name on its own, in the interface's language ("January", "Enero"). */
export function monthToName(m: Messages, month: number): string {
  return month >= 1 && month <= 12 ? monthName(m, month) : String(month);
}

/** How full a bar is drawn, `0` (nothing) to `4` (the busiest month): CSS draws `.bar-0` to `.bar-4`. */
export function countToLevel(count: number, max: number): number {
  return count === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((count / Math.max(1, max)) * 4)));
}

/** The whole collection month by month, as a table of bars drawn with CSS: no script. */
export function timeline(archive: Archive): SafeHtml {
  const m = messagesFor(archive.site.language);
  // The first three letters of the name: "Sep" and "Ene", where Intl's short forms say "Sept" and "ene".
  const months = Array.from({ length: 12 }, (_, index) => monthToName(m, index + 1));
  const max = Math.max(
    1,
    ...archive.years.flatMap((y) => y.months.map((m) => m.articles.length)),
    ...archive.years.map((y) => y.yearOnly.length),
  );
  const years = [...archive.years].reverse();
  return html`<table class="timeline">
  <caption>${m.timelineCaption}<span aria-hidden="true">${m.timelineUnknownMonthKey}</span></caption>
  <thead><tr><th scope="col">${m.year}</th>${months.map((name) => html`<th scope="col"><span class="visually-hidden">${name}</span><span aria-hidden="true">${name.charAt(0)}<span class="m-rest">${name.slice(1, 3)}</span></span></th>`)}<th scope="col" class="timeline-other"><span aria-hidden="true">?</span><span class="visually-hidden">${m.monthNotKnown}</span></th></tr></thead>
  <tbody>
  ${years.map(
    (year) => html`<tr>
    <th scope="row"><a href="${year.url}">${year.year}</a></th>
    ${year.months.map((month) => cell(m, month.articles.length, max, month.url, monthYearTitle(m, month.year, month.month)))}
    ${cell(m, year.yearOnly.length, max, `${year.url}#year-only`, formatMessage(m.yearMonthNotKnown, { year: year.year }))}
  </tr>`,
  )}
  </tbody>
</table>`;
}

function cell(m: Messages, count: number, max: number, url: string, label: string): SafeHtml {
  if (count === 0) return html`<td class="timeline-empty"><span class="visually-hidden">0</span></td>`;
  return html`<td><a href="${url}" aria-label="${formatMessage(m.countInPeriod, { period: label, count: countLabel(m, count) })}"><span class="bar bar-${countToLevel(count, max)}"></span><span class="count">${count}</span></a></td>`;
}
