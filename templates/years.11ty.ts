/** `/years/`: browsing by time, every year with its months, and the undated. */
import type { Archive } from "../src/archive/build-archive.ts";
import { countLabel, timeline } from "../src/site/components.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

export const data = { permalink: "/years/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const content = html`<header class="list-header"><h1>Dates</h1><p class="list-count">${countLabel(archive.articles.length)}: ${countLabel(archive.articles.length - archive.undated.length)} dated, ${archive.undated.length} undated</p></header>
<ul class="group-list">
  ${archive.years.map((year) => html`<li><a href="${year.url}">${year.year}</a> <span class="group-count">${year.articles.length}</span></li>`)}
  ${archive.undated.length ? html`<li><a href="/undated/">Undated</a> <span class="group-count">${archive.undated.length}</span></li>` : ""}
</ul>
${archive.years.length ? timeline(archive) : ""}`;
  return page({ archive, title: "Dates", url: "/years/", breadcrumbs: [{ label: "Home", url: "/" }, { label: "Dates" }], bodyClass: "page-index", content });
}
