/** Small pieces of markup shared by several pages. */
import type { Archive, Group, ListPage } from "../archive/build-archive.ts";
import { languageToName } from "../archive/language-names.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { dateToDatetimeAttribute, dateToLabel } from "../records/edtf-date.ts";
import { html, type HtmlValue, type SafeHtml } from "./html.ts";

export function dateElement(article: ArticleRecord): SafeHtml {
  const label = dateToLabel(article.parsedDate);
  if (!article.parsedDate) return html`<span class="date date-undated">${label}</span>`;
  return html`<time class="date" datetime="${dateToDatetimeAttribute(article.parsedDate)}" title="EDTF: ${article.parsedDate.edtf}">${label}</time>`;
}

export function groupLink(archive: Archive, kind: Group["kind"], name: string, className = "chip"): SafeHtml {
  const group = archive.groupOf(kind, name);
  const label = kind === "language" ? languageToName(name) : name;
  return group ? html`<a class="${className}" href="${group.url}"${kind === "language" ? html` lang="${name}"` : ""}>${label}</a>` : html`<span class="${className}">${label}</span>`;
}

/** One entry of an archive list: date, headline, dek, publication; in the article's own language. */
export function articleListItem(archive: Archive, article: ArticleRecord, headingLevel: 2 | 3 = 2): SafeHtml {
  const heading = headingLevel === 2
    ? html`<h2 class="entry-title"><a href="${article.permalink}">${article.title}</a></h2>`
    : html`<h3 class="entry-title"><a href="${article.permalink}">${article.title}</a></h3>`;
  return html`<li class="entry" lang="${article.language}">
  <article>
    ${heading}
    <p class="entry-meta" lang="${archive.site.language}">${dateElement(article)} · ${groupLink(archive, "publication", article.publication, "entry-publication")}${article.language !== archive.site.language ? html` · <span class="entry-language" lang="${article.language}">${languageToName(article.language)}</span>` : ""}</p>
    ${article.summary ? html`<p class="entry-summary">${article.summary}</p>` : ""}
  </article>
</li>`;
}

export function articleList(archive: Archive, articles: ArticleRecord[], headingLevel: 2 | 3 = 2): SafeHtml {
  if (articles.length === 0) return html`<p class="empty">No articles yet.</p>`;
  return html`<ol class="entries">${articles.map((a) => articleListItem(archive, a, headingLevel))}</ol>`;
}

export function pagination(listPage: ListPage): HtmlValue {
  if (listPage.pageCount < 2) return "";
  const pageUrl = (n: number) => (n === 1 ? listPage.baseUrl : `${listPage.baseUrl}page/${n}/`);
  const numbers = Array.from({ length: listPage.pageCount }, (_, i) => i + 1);
  return html`<nav class="pagination" aria-label="Pages">
  <ul>
    ${listPage.pageNumber > 1 ? html`<li><a href="${pageUrl(listPage.pageNumber - 1)}" rel="prev">Newer</a></li>` : ""}
    ${numbers.map((n) => n === listPage.pageNumber
      ? html`<li><span aria-current="page">${n}</span></li>`
      : html`<li><a href="${pageUrl(n)}">${n}</a></li>`)}
    ${listPage.pageNumber < listPage.pageCount ? html`<li><a href="${pageUrl(listPage.pageNumber + 1)}" rel="next">Older</a></li>` : ""}
  </ul>
</nav>`;
}

export function countLabel(count: number, noun = "article"): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The whole collection month by month, as a table of bars drawn with CSS: no script. */
export function timeline(archive: Archive): SafeHtml {
  const max = Math.max(1, ...archive.years.flatMap((y) => y.months.map((m) => m.articles.length)), ...archive.years.map((y) => y.yearOnly.length));
  const years = [...archive.years].reverse();
  return html`<table class="timeline">
  <caption>Articles per month</caption>
  <thead><tr><th scope="col">Year</th>${MONTH_ABBR.map((m) => html`<th scope="col">${m}</th>`)}<th scope="col">Year only</th></tr></thead>
  <tbody>
  ${years.map((year) => html`<tr>
    <th scope="row"><a href="${year.url}">${year.year}</a></th>
    ${year.months.map((month) => cell(month.articles.length, max, month.articles.length ? month.url : undefined, `${MONTH_ABBR[month.month - 1]} ${month.year}`))}
    ${cell(year.yearOnly.length, max, year.yearOnly.length ? `${year.url}#year-only` : undefined, `${year.year}, month unknown`)}
  </tr>`)}
  </tbody>
</table>`;
}

function cell(count: number, max: number, url: string | undefined, label: string): SafeHtml {
  const level = count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4));
  const content = html`<span class="bar bar-${level}" aria-hidden="true"></span><span class="count">${count || ""}</span>`;
  return url
    ? html`<td><a href="${url}" aria-label="${label}: ${countLabel(count)}">${content}</a></td>`
    : html`<td aria-label="${label}: none">${content}</td>`;
}
