/** `/years/`: browsing by time, every year with its months, and the undated. */
import type { Archive } from "../src/archive/build-archive.ts";
import { countLabel, timeline } from "../src/site/components.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

export const data = { permalink: "/years/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const content = html`<header class="list-header"><h1>Dates</h1><p class="list-count">${countLabel(archive.articles.length)}: ${countLabel(archive.articles.length - archive.undated.length)} dated, ${archive.undated.length} undated</p></header>
<ul class="year-list">
  ${archive.years.map((year) => html`<li><a href="${year.url}"><span class="year-name">${year.year}</span> <span class="year-count">${countLabel(year.articles.length)}</span></a></li>`)}
  ${archive.undated.length ? html`<li><a href="/undated/"><span class="year-name">Undated</span> <span class="year-count">${countLabel(archive.undated.length)}</span></a></li>` : ""}
</ul>
${archive.years.length ? html`<section class="by-time" aria-labelledby="time-heading"><h2 id="time-heading" class="section-heading">Month by month</h2>${timeline(archive)}</section>` : ""}`;
  return page({ archive, title: "Dates", url: "/years/", breadcrumbs: [{ label: "Home", url: "/" }, { label: "Dates" }], bodyClass: "page-index page-years", content });
}
