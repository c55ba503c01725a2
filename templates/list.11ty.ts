/** Every paginated list: latest, years, months, undated, each tag, publication, author and language. */
import type { Archive, ListPage } from "../src/archive/build-archive.ts";
import { articleList, countLabel, pagination } from "../src/site/components.ts";
import { html, type HtmlValue } from "../src/site/html.ts";
import { page, type Crumb } from "../src/site/layout.ts";

interface Data {
  archive: Archive;
  listPage: ListPage;
}

export const data = {
  pagination: { data: "archive.listPages", size: 1, alias: "listPage" },
  permalink: (data: Data) => data.listPage.url,
  eleventyExcludeFromCollections: true,
};

const KIND_LABEL: Record<ListPage["kind"], string> = {
  latest: "Archive", year: "Year", month: "Month", undated: "Undated", tag: "Tag",
  publication: "Publication", author: "Author", language: "Language",
};
const INDEX: Partial<Record<ListPage["kind"], Crumb>> = {
  tag: { label: "Tags", url: "/tags/" },
  publication: { label: "Publications", url: "/publications/" },
  author: { label: "Authors", url: "/authors/" },
  language: { label: "Languages", url: "/languages/" },
  year: { label: "Dates", url: "/years/" },
  month: { label: "Dates", url: "/years/" },
  undated: { label: "Dates", url: "/years/" },
};

function monthGrid(listPage: ListPage): HtmlValue {
  const year = listPage.year;
  if (listPage.kind !== "year" || !year || listPage.pageNumber !== 1) return "";
  return html`<section class="months" aria-labelledby="months-heading">
  <h2 id="months-heading">Month by month</h2>
  <ol class="month-grid">
    ${year.months.map((month) => {
      const name = new Date(Date.UTC(month.year, month.month - 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
      return month.articles.length
        ? html`<li><a href="${month.url}"><span class="month-name">${name}</span> <span class="month-count">${countLabel(month.articles.length)}</span></a></li>`
        : html`<li class="month-empty"><span class="month-name">${name}</span> <span class="month-count">none</span></li>`;
    })}
  </ol>
  ${year.yearOnly.length ? html`<p id="year-only">${countLabel(year.yearOnly.length)} dated only to ${year.year} or to a span of months.</p>` : ""}
</section>`;
}

export function render({ archive, listPage }: Data): string {
  const crumbs: Crumb[] = [{ label: "Home", url: "/" }];
  const parent = INDEX[listPage.kind];
  if (parent) crumbs.push(parent);
  if (listPage.kind === "month" && listPage.year) crumbs.push({ label: String(listPage.year.year), url: listPage.year.url });
  crumbs.push({ label: listPage.pageNumber > 1 ? `${listPage.title}, page ${listPage.pageNumber}` : listPage.title });
  const feedBase = listPage.group && (listPage.kind === "tag" || listPage.kind === "publication") ? `${listPage.group.url}feed` : undefined;
  const content = html`<header class="list-header">
  <p class="kicker">${KIND_LABEL[listPage.kind]}</p>
  <h1${listPage.kind === "language" && listPage.group ? html` lang="${listPage.group.slug}"` : ""}>${listPage.title}</h1>
  <p class="list-count">${countLabel(listPage.total)}${listPage.pageCount > 1 ? `, page ${listPage.pageNumber} of ${listPage.pageCount}` : ""}${feedBase ? html` · Feeds: <a href="${feedBase}.xml">Atom</a>, <a href="${feedBase}.json">JSON</a>` : ""}</p>
</header>
${monthGrid(listPage)}
<section aria-label="Articles">
${articleList(archive, listPage.items)}
</section>
${pagination(listPage)}`;
  return page({
    archive,
    title: listPage.pageNumber > 1 ? `${listPage.title} (page ${listPage.pageNumber})` : listPage.title,
    url: listPage.url,
    description: `${KIND_LABEL[listPage.kind]}: ${listPage.title}. ${countLabel(listPage.total)} in the archive.`,
    breadcrumbs: crumbs,
    bodyClass: `page-list page-${listPage.kind}`,
    head: feedBase ? html`<link rel="alternate" type="application/atom+xml" title="${listPage.title} (Atom)" href="${feedBase}.xml">` : "",
    content,
  });
}
