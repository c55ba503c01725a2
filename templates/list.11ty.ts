/** Every paginated list: latest, years, months, undated, each tag, publication, author, language and print issue. */
import type { Archive, ListPage, MonthGroup } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor, monthYearTitle, type Messages } from "../src/archive/interface-messages.ts";
import { articleList, countLabel, countToLevel, issueGroupList, monthToName, pagination } from "../src/render/components.ts";
import { html, langAttribute, type HtmlValue } from "../src/render/html.ts";
import { page, type Crumb } from "../src/render/layout.ts";

interface Data {
  archive: Archive;
  listPage: ListPage;
}

export const data = {
  pagination: { data: "pagesToWrite.listPages", size: 1, alias: "listPage" },
  permalink: (data: Data) => data.listPage.url,
  eleventyExcludeFromCollections: true,
};

/** The index a list belongs to, by its title's key in the interface's messages. */
const INDEX: Partial<
  Record<ListPage["kind"], { label: keyof Messages & ("tags" | "publications" | "authors" | "languages" | "dates"); url: string }>
> = {
  tag: { label: "tags", url: "/tags/" },
  publication: { label: "publications", url: "/publications/" },
  issue: { label: "publications", url: "/publications/" },
  author: { label: "authors", url: "/authors/" },
  language: { label: "languages", url: "/languages/" },
  year: { label: "dates", url: "/years/" },
  month: { label: "dates", url: "/years/" },
  undated: { label: "dates", url: "/years/" },
};

/** The year's twelve months with how many articles each holds, drawn as bars. */
function monthGrid(m: Messages, listPage: ListPage): HtmlValue {
  const year = listPage.year;
  if (listPage.kind !== "year" || !year || listPage.pageNumber !== 1) return "";
  const max = Math.max(1, ...year.months.map((m) => m.articles.length));
  return html`<section class="months" aria-labelledby="months-heading">
  <h2 id="months-heading" class="section-heading">${m.monthByMonth}</h2>
  <ol class="month-grid">
    ${year.months.map((month) => {
      const count = month.articles.length;
      const body = html`<span class="month-name">${monthToName(m, month.month)}</span> <span class="month-count">${count ? countLabel(m, count) : m.noneInMonth}</span><span class="bar bar-${countToLevel(count, max)}"></span>`;
      return count ? html`<li><a href="${month.url}">${body}</a></li>` : html`<li class="month-empty">${body}</li>`;
    })}
  </ol>
  ${year.yearOnly.length ? html`<p id="year-only" class="year-only">${formatMessage(m.yearOnly, { count: countLabel(m, year.yearOnly.length), year: year.year })}</p>` : ""}
</section>`;
}

/** Issues a publication's page shows before "All … issues": the newest, so the articles stay near the top. */
const ISSUES_SHOWN = 12;

/** A publication's newest print issues, on the first page of its list, and the way to all of them when some are left out. */
function issueList(m: Messages, archive: Archive, listPage: ListPage): HtmlValue {
  const index =
    listPage.kind === "publication" && listPage.group && listPage.pageNumber === 1 ? archive.issueIndexOf(listPage.group) : undefined;
  if (!index) return "";
  return html`<section class="issues" aria-labelledby="issues-heading">
  <h2 id="issues-heading" class="section-heading">${m.issues}</h2>
  ${issueGroupList(m, index.issues.slice(0, ISSUES_SHOWN))}
  ${index.issues.length > ISSUES_SHOWN ? html`<p class="more-link"><a href="${index.url}">${formatMessage(m.allIssues, { count: countLabel(m, index.issues.length, "issue") })}</a></p>` : ""}
</section>`;
}

/** Earlier and later year, or month that has articles, so readers can walk through time. */
function periodNav(m: Messages, archive: Archive, listPage: ListPage): HtmlValue {
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
    const label = (month: MonthGroup) => monthYearTitle(m, month.year, month.month);
    const older = index > 0 ? months[index - 1] : undefined;
    const newer = months[index + 1];
    if (older) earlier = { label: label(older), url: older.url };
    if (newer) later = { label: label(newer), url: newer.url };
  } else return "";
  if (!earlier && !later) return "";
  return html`<nav class="period-nav" aria-label="${listPage.kind === "year" ? m.earlierLaterYears : m.earlierLaterMonths}">
  ${earlier ? html`<a class="previous" rel="prev" href="${earlier.url}"><span class="prev-next-label">${m.earlier}</span> <span class="prev-next-title">${earlier.label}</span></a>` : ""}
  ${later ? html`<a class="next" rel="next" href="${later.url}"><span class="prev-next-label">${m.later}</span> <span class="prev-next-title">${later.label}</span></a>` : ""}
</nav>`;
}

export function render({ archive, listPage }: Data): string {
  const m = messagesFor(archive.site.language);
  const crumbs: Crumb[] = [{ label: m.home, url: "/" }];
  const parent = INDEX[listPage.kind];
  if (parent) crumbs.push({ label: m[parent.label], url: parent.url });
  if (listPage.kind === "month" && listPage.year) crumbs.push({ label: String(listPage.year.year), url: listPage.year.url });
  if (listPage.kind === "issue" && listPage.issue) {
    const { publication } = listPage.issue;
    crumbs.push({ label: publication.name, url: publication.url }, { label: m.issues, url: archive.issueIndexOf(publication)!.url });
  }
  const titleLang = listPage.kind === "language" && listPage.group ? listPage.group.slug : undefined;
  const crumbTitle = listPage.issue?.label ?? listPage.title;
  crumbs.push({
    label: listPage.pageNumber > 1 ? formatMessage(m.pageOfList, { title: crumbTitle, page: listPage.pageNumber }) : crumbTitle,
    ...(titleLang && listPage.pageNumber === 1 ? { lang: titleLang } : {}),
  });
  const feedBase = listPage.group && (listPage.kind === "tag" || listPage.kind === "publication") ? `${listPage.group.url}feed` : undefined;
  const content = html`<header class="list-header">
  <p class="kicker">${m.kinds[listPage.kind]}</p>
  <h1${titleLang ? langAttribute(titleLang, archive.site.language) : ""}>${listPage.title}</h1>
  <p class="list-count">${countLabel(m, listPage.total)}${listPage.pageCount > 1 ? formatMessage(m.pageOfCount, { page: listPage.pageNumber, count: listPage.pageCount }) : ""}${feedBase ? html`<span class="sep" aria-hidden="true"> · </span><span class="feeds">${m.feeds}: <a href="${feedBase}.xml">Atom</a>, <a href="${feedBase}.json">JSON</a></span>` : ""}</p>
</header>
${monthGrid(m, listPage)}
${issueList(m, archive, listPage)}
<section class="list-articles" aria-label="${m.listArticles}">
${articleList(archive, listPage.items, { inIssue: listPage.kind === "issue" })}
</section>
${pagination(m, listPage)}
${periodNav(m, archive, listPage)}`;
  return page({
    archive,
    title: listPage.pageNumber > 1 ? formatMessage(m.titleWithPage, { title: listPage.title, page: listPage.pageNumber }) : listPage.title,
    url: listPage.url,
    description: formatMessage(m.listDescription, {
      kind: m.kinds[listPage.kind],
      title: listPage.title,
      count: countLabel(m, listPage.total),
    }),
    breadcrumbs: crumbs,
    bodyClass: `page-list page-${listPage.kind}`,
    head: feedBase ? html`<link rel="alternate" type="application/atom+xml" title="${listPage.title} (Atom)" href="${feedBase}.xml">` : "",
    content,
  });
}
