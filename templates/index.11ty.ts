/** The home page: the latest articles and every way into the archive. */
import { mostUsedFirst, type Archive } from "../src/archive/build-archive.ts";
import { articleList, countLabel, timeline } from "../src/site/components.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";
import { searchPlaceholder } from "../src/site/search-hints.ts";

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

const LATEST = 8;
const TOP_TAGS = 24;

/** The home page's `h1` is the masthead's nameplate (see layout.ts); sections here start at `h2`. */
export function render({ archive }: { archive: Archive }): string {
  const topTags = mostUsedFirst(archive.tags).slice(0, TOP_TAGS);
  const dated = archive.years.length ? `${archive.years.at(-1)!.year}–${archive.years[0]!.year}` : "";
  const content = html`<section class="intro" aria-label="About the archive">
  <p class="lede">${countLabel(archive.articles.length)} from ${countLabel(archive.publications.length, "publication")} in ${countLabel(archive.languages.length, "language")}${dated ? `, ${dated}` : ""}. Browse by date, tag or publication, or search the full text.</p>
  <form class="search-form" action="/search/" method="get" role="search">
    <label for="home-search">Search the archive</label>
    <span class="search-row"><input id="home-search" type="search" name="q" placeholder="${searchPlaceholder(archive, 2, "Words to find")}"><button type="submit">Search</button></span>
  </form>
</section>
<div class="home-grid">
<section class="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading" class="section-heading">Latest</h2>
  ${articleList(archive, archive.articles.slice(0, LATEST), { headingLevel: 3 })}
  <p class="more-link"><a href="/articles/">All ${countLabel(archive.articles.length)}</a></p>
</section>
<div class="ways-in">
  <section aria-labelledby="publications-heading">
    <h2 id="publications-heading" class="section-heading">Publications</h2>
    <ul class="group-list">${archive.publications.map((g) => html`<li><a href="${g.url}">${g.name}</a> <span class="group-count">${g.articles.length}</span></li>`)}</ul>
  </section>
  <section aria-labelledby="languages-heading">
    <h2 id="languages-heading" class="section-heading">Languages</h2>
    <ul class="group-list">${archive.languages.map((g) => html`<li><a href="${g.url}" lang="${g.slug}">${g.name}</a> <span class="group-count">${g.articles.length}</span></li>`)}</ul>
  </section>
  <section aria-labelledby="tags-heading">
    <h2 id="tags-heading" class="section-heading">Tags</h2>
    <ul class="chips">${topTags.map((g) => html`<li><a href="${g.url}">${g.name} <span class="chip-count">${g.articles.length}</span></a></li>`)}</ul>
    <p class="more-link"><a href="/tags/">All ${countLabel(archive.tags.length, "tag")}</a></p>
  </section>
</div>
</div>
<section class="by-time" aria-labelledby="time-heading">
  <h2 id="time-heading" class="section-heading">By date</h2>
  ${archive.years.length ? timeline(archive) : ""}
  <p class="more-link"><a href="/years/">All dates</a>${archive.undated.length ? html` · <a href="/undated/">${archive.undated.length} undated</a>` : ""}</p>
</section>`;
  return page({ archive, title: archive.site.title, url: "/", bodyClass: "page-home", content });
}
