/** The home page: the latest articles and every way into the archive. */
import { mostUsedFirst, type Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import { articleList, countLabel, timeline } from "../src/render/components.ts";
import { html } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";
import { searchPlaceholder } from "../src/render/search-hints.ts";

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

const LATEST = 8;
const TOP_TAGS = 24;

/** The home page's `h1` is the masthead's nameplate (see layout.ts); sections here start at `h2`. */
export function render({ archive }: { archive: Archive }): string {
  const m = messagesFor(archive.site.language);
  const topTags = mostUsedFirst(archive.tags).slice(0, TOP_TAGS);
  const dated = archive.years.length ? `${archive.years.at(-1)!.year}–${archive.years[0]!.year}` : "";
  const lede = formatMessage(m.homeLede, {
    articles: countLabel(m, archive.articles.length),
    publications: countLabel(m, archive.publications.length, "publication"),
    languages: countLabel(m, archive.languages.length, "language"),
    span: dated ? `, ${dated}` : "",
  });
  const content = html`<section class="intro" aria-label="${m.aboutTheArchive}">
  <p class="lede">${lede}</p>
  <form class="search-form" action="/search/" method="get" role="search">
    <label for="home-search">${m.searchTheArchive}</label>
    <span class="search-row"><input id="home-search" type="search" name="q" placeholder="${searchPlaceholder(archive, 2)}"><button type="submit">${m.search}</button></span>
  </form>
</section>
<div class="home-grid">
<section class="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading" class="section-heading">${m.latest}</h2>
  ${articleList(archive, archive.articles.slice(0, LATEST), { headingLevel: 3 })}
  <p class="more-link"><a href="/articles/">${formatMessage(m.allArticles, { count: countLabel(m, archive.articles.length) })}</a></p>
</section>
<div class="ways-in">
  <section aria-labelledby="publications-heading">
    <h2 id="publications-heading" class="section-heading">${m.publications}</h2>
    <ul class="group-list">${archive.publications.map((g) => html`<li><a href="${g.url}">${g.name}</a> <span class="group-count">${g.articles.length}</span></li>`)}</ul>
  </section>
  <section aria-labelledby="languages-heading">
    <h2 id="languages-heading" class="section-heading">${m.languages}</h2>
    <ul class="group-list">${archive.languages.map((g) => html`<li><a href="${g.url}" lang="${g.slug}">${g.name}</a> <span class="group-count">${g.articles.length}</span></li>`)}</ul>
  </section>
  <section aria-labelledby="tags-heading">
    <h2 id="tags-heading" class="section-heading">${m.tags}</h2>
    <ul class="chips">${topTags.map((g) => html`<li><a href="${g.url}">${g.name} <span class="chip-count">${g.articles.length}</span></a></li>`)}</ul>
    <p class="more-link"><a href="/tags/">${formatMessage(m.allTags, { count: countLabel(m, archive.tags.length, "tag") })}</a></p>
  </section>
</div>
</div>
<section class="by-time" aria-labelledby="time-heading">
  <h2 id="time-heading" class="section-heading">${m.byDate}</h2>
  ${archive.years.length ? timeline(archive) : ""}
  <p class="more-link"><a href="/years/">${m.allDates}</a>${archive.undated.length ? html` · <a href="/undated/">${formatMessage(m.undatedCount, { count: archive.undated.length })}</a>` : ""}</p>
</section>`;
  return page({ archive, title: archive.site.title, url: "/", bodyClass: "page-home", content });
}
