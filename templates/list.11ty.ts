/** Every paginated list: latest, years, months, undated, each tag, publication, author, language and print issue. */
import type { Archive, ListPage, MonthGroup } from "../src/archive/build-archive.ts";
import { articleList, countLabel, countToLevel, issueGroupList, monthToName, pagination } from "../src/site/components.ts";
import { html, langAttribute, type HtmlValue } from "../src/site/html.ts";
import { page, type Crumb } from "../src/site/layout.ts";

interface Data {
  archive: Archive;
  listPage: ListPage;
}

export const data = {
  pagination: { data: "pagesToWrite.listPages", size: 1, alias: "listPage" },
  permalink: (data: Data) => data.listPage.url,
  eleventyExcludeFromCollections: true,
};

const KIND_LABEL: Record<ListPage["kind"], string> = {
  latest: "Archive", year: "Year", month: "Month", undated: "Undated", tag: "Tag",
  publication: "Publication", author: "Author", language: "Language", issue: "Issue",
};
const INDEX: Partial<Record<ListPage["kind"], Crumb>> = {
  tag: { label: "Tags", url: "/tags/" },
  publication: { label: "Publications", url: "/publications/" },
  issue: { label: "Publications", url: "/publications/" },
  author: { label: "Authors", url: "/authors/" },
  language: { label: "Languages", url: "/languages/" },
  year: { label: "Dates", url: "/years/" },
  month: { label: "Dates", url: "/years/" },
  undated: { label: "Dates", url: "/years/" },
};

/** The year's twelve months with how many articles each holds, drawn as bars. */
function monthGrid(listPage: ListPage): HtmlValue {
  const year = listPage.year;
  if (listPage.kind !== "year" || !year || listPage.pageNumber !== 1) return "";
  const max = Math.max(1, ...year.months.map((m) => m.articles.length));
  return html`<section class="months" aria-labelledby="months-heading">
  <h2 id="months-heading" class="section-heading">Month by month</h2>
  <ol class="month-grid">
    ${year.months.map((month) => {
      const count = month.articles.length;
      const body = html`<span class="month-name">${monthToName(month.month)}</span> <span class="month-count">${count ? countLabel(count) : "none"}</span><span class="bar bar-${countToLevel(count, max)}"></span>`;
      return count ? html`<li><a href="${month.url}">${body}</a></li>` : html`<li class="month-empty">${body}</li>`;
    })}
  </ol>
  ${year.yearOnly.length ? html`<p id="year-only" class="year-only">${countLabel(year.yearOnly.length)} dated only to ${year.year} or to a span of months: listed below with the rest of the year.</p>` : ""}
</section>`;
}

/** Issues a publication's page shows before "All … issues": the newest, so the articles stay near the top. */
const ISSUES_SHOWN = 12;

/** A publication's newest print issues, on the first page of its list, and the way to all of them when some are left out. */
function issueList(archive: Archive, listPage: ListPage): HtmlValue {
  const index = listPage.kind === "publication" && listPage.group && listPage.pageNumber === 1 ? archive.issueIndexOf(listPage.group) : undefined;
  if (!index) return "";
  return html`<section class="issues" aria-labelledby="issues-heading">
  <h2 id="issues-heading" class="section-heading">Issues</h2>
  ${issueGroupList(index.issues.slice(0, ISSUES_SHOWN))}
  ${index.issues.length > ISSUES_SHOWN ? html`<p class="more-link"><a href="${index.url}">All ${countLabel(index.issues.length, "issue")}</a></p>` : ""}
</section>`;
}

/** Earlier and later year, or month that has articles, so readers can walk through time. */
function periodNav(archive: Archive, listPage: ListPage): HtmlValue {
  let earlier: { label: string; url: string } | undefined;
  let later: { label: string; url: string } | undefined;
  if (listPage.kind === "year" && listPage.year) {
    const index = archive.years.indexOf(listPage.year);
    const older = archive.years[index + 1];
    const newer = index > 0 ? archive.years[index - 1] : undefined;
    if (older) earlier = { label: String(older.year), url: older.url };
    if (newer) later = { label: String(newer.year), url: newer.url };
  } else if (listPage.kind === "month" && listPage.month) {
    const months: MonthGroup[] = [...archive.years].reverse().flatMap((y) => y.months.filter((m) => m.articles.length));
    const index = months.indexOf(listPage.month);
    const label = (m: MonthGroup) => `${monthToName(m.month)} ${m.year}`;
    const older = index > 0 ? months[index - 1] : undefined;
    const newer = months[index + 1];
    if (older) earlier = { label: label(older), url: older.url };
    if (newer) later = { label: label(newer), url: newer.url };
  } else return "";
  if (!earlier && !later) return "";
  return html`<nav class="period-nav" aria-label="Earlier and later ${listPage.kind === "year" ? "years" : "months"}">
  ${earlier ? html`<a class="previous" rel="prev" href="${earlier.url}"><span class="prev-next-label">Earlier</span> <span class="prev-next-title">${earlier.label}</span></a>` : ""}
  ${later ? html`<a class="next" rel="next" href="${later.url}"><span class="prev-next-label">Later</span> <span class="prev-next-title">${later.label}</span></a>` : ""}
</nav>`;
}

export function render({ archive, listPage }: Data): string {
  const crumbs: Crumb[] = [{ label: "Home", url: "/" }];
  const parent = INDEX[listPage.kind];
  if (parent) crumbs.push(parent);
  if (listPage.kind === "month" && listPage.year) crumbs.push({ label: String(listPage.year.year), url: listPage.year.url });
  if (listPage.kind === "issue" && listPage.issue) {
    const { publication } = listPage.issue;
    crumbs.push({ label: publication.name, url: publication.url }, { label: "Issues", url: archive.issueIndexOf(publication)!.url });
  }
  const titleLang = listPage.kind === "language" && listPage.group ? listPage.group.slug : undefined;
  const crumbTitle = listPage.issue?.label ?? listPage.title;
  crumbs.push({ label: listPage.pageNumber > 1 ? `${crumbTitle}, page ${listPage.pageNumber}` : crumbTitle, ...(titleLang && listPage.pageNumber === 1 ? { lang: titleLang } : {}) });
  const feedBase = listPage.group && (listPage.kind === "tag" || listPage.kind === "publication") ? `${listPage.group.url}feed` : undefined;
  const content = html`<header class="list-header">
  <p class="kicker">${KIND_LABEL[listPage.kind]}</p>
  <h1${titleLang ? langAttribute(titleLang, archive.site.language) : ""}>${listPage.title}</h1>
  <p class="list-count">${countLabel(listPage.total)}${listPage.pageCount > 1 ? `, page ${listPage.pageNumber} of ${listPage.pageCount}` : ""}${feedBase ? html`<span class="sep" aria-hidden="true"> · </span><span class="feeds">Feeds: <a href="${feedBase}.xml">Atom</a>, <a href="${feedBase}.json">JSON</a></span>` : ""}</p>
</header>
${monthGrid(listPage)}
${issueList(archive, listPage)}
<section class="list-articles" aria-label="Articles">
${articleList(archive, listPage.items, { inIssue: listPage.kind === "issue" })}
</section>
${pagination(listPage)}
${periodNav(archive, listPage)}`;
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
