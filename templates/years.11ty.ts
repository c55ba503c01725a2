/** `/years/`: browsing by time, every year with its months, and the undated. */
import type { Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import { countLabel, timeline } from "../src/render/components.ts";
import { html } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";

export const data = { permalink: "/years/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const m = messagesFor(archive.site.language);
  const count = formatMessage(m.yearsCount, {
    total: countLabel(m, archive.articles.length),
    dated: countLabel(m, archive.articles.length - archive.undated.length),
    undated: archive.undated.length,
  });
  const content = html`<header class="list-header"><h1>${m.dates}</h1><p class="list-count">${count}</p></header>
<ul class="year-list">
  ${archive.years.map((year) => html`<li><a href="${year.url}"><span class="year-name">${year.year}</span> <span class="year-count">${countLabel(m, year.articles.length)}</span></a></li>`)}
  ${archive.undated.length ? html`<li><a href="/undated/"><span class="year-name">${m.undatedTitle}</span> <span class="year-count">${countLabel(m, archive.undated.length)}</span></a></li>` : ""}
</ul>
${archive.years.length ? html`<section class="by-time" aria-labelledby="time-heading"><h2 id="time-heading" class="section-heading">${m.monthByMonth}</h2>${timeline(archive)}</section>` : ""}`;
  return page({
    archive,
    title: m.dates,
    url: "/years/",
    breadcrumbs: [{ label: m.home, url: "/" }, { label: m.dates }],
    bodyClass: "page-index page-years",
    content,
  });
}
