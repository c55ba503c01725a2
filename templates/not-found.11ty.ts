/**
 * `/404.html`, served by static hosts for any address that does not exist (so
 * every link in it is absolute). It carries the address of every archive
 * page, from which public/not-found.js links the nearest one to the address
 * asked for: a day's address (`/2023/01/09/`, which has no page) leads to its
 * month.
 */
import type { Archive, ListPage } from "../src/archive/build-archive.ts";
import { html, jsonForScript } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";
import { searchPlaceholder } from "../src/site/search-hints.ts";
import { INDEXES } from "./group-index.11ty.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

/** What a list is called in "the nearest page": its title, after the kind of list it is where the title alone would not say. */
const KIND_LABELS: Partial<Record<ListPage["kind"], string>> = { tag: "Tag", publication: "Publication", author: "Author", language: "Language" };

/** Every archive page's address (first pages only) and name, for public/not-found.js. */
export function archiveAddresses(archive: Archive): Array<{ url: string; title: string }> {
  const lists = archive.listPages
    .filter((listPage) => listPage.pageNumber === 1)
    .map((listPage) => ({ url: listPage.baseUrl, title: KIND_LABELS[listPage.kind] ? `${KIND_LABELS[listPage.kind]}: ${listPage.title}` : listPage.title }));
  return [{ url: "/years/", title: "Years" }, ...INDEXES.map(({ url, title }) => ({ url, title })), ...lists];
}

export function render({ archive }: { archive: Archive }): string {
  const content = html`<header class="list-header">
  <p class="kicker">Error 404</p>
  <h1>Page not found</h1>
</header>
<div class="not-found">
  <p>There is no page at this address. Articles keep their addresses; if you followed an old link, try the search or browse <a href="/years/">by date</a>, <a href="/tags/">by tag</a> or <a href="/publications/">by publication</a>.</p>
  <p id="nearest-page" hidden>The nearest page that exists: <a href="/">the archive</a>.</p>
  <form class="search-form" action="/search/" method="get" role="search">
    <label for="not-found-search">Search the archive</label>
    <span class="search-row"><input id="not-found-search" type="search" name="q" placeholder="${searchPlaceholder(archive, 2, "Words to find")}"><button type="submit">Search</button></span>
  </form>
</div>
<script type="application/json" id="archive-addresses">${jsonForScript(archiveAddresses(archive))}</script>`;
  return page({ archive, title: "Page not found", url: "/404.html", bodyClass: "page-not-found", content, scripts: ["/not-found.js"] });
}
