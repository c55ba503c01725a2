/** `/404.html`, served by static hosts for any address that does not exist (so every link in it is absolute). */
import type { Archive } from "../src/archive/build-archive.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";
import { searchPlaceholder } from "../src/site/search-hints.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const content = html`<header class="list-header">
  <p class="kicker">Error 404</p>
  <h1>Page not found</h1>
</header>
<div class="not-found">
  <p>There is no page at this address. Articles keep their addresses; if you followed an old link, try the search or browse <a href="/years/">by date</a>, <a href="/tags/">by tag</a> or <a href="/publications/">by publication</a>.</p>
  <form class="search-form" action="/search/" method="get" role="search">
    <label for="not-found-search">Search the archive</label>
    <span class="search-row"><input id="not-found-search" type="search" name="q" placeholder="${searchPlaceholder(archive, 2, "Words to find")}"><button type="submit">Search</button></span>
  </form>
</div>`;
  return page({ archive, title: "Page not found", url: "/404.html", bodyClass: "page-not-found", content });
}
