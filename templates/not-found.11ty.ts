/**
 * `/404.html`, served by static hosts for any address that does not exist (so
 * every link in it is absolute). It carries the address of every archive
 * page, from which public/not-found.js links the nearest one to the address
 * asked for: a day's address (`/2023/01/09/`, which has no page) leads to its
 * month.
 */
import type { Archive } from "../src/archive/build-archive.ts";
import { messagesFor } from "../src/archive/interface-messages.ts";
import { html, htmlMessage, jsonForScript } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";
import { searchPlaceholder } from "../src/render/search-hints.ts";
import { INDEXES } from "./group-index.11ty.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

/** Lists named in "the nearest page" after the kind of list they are, where the title alone would not say. */
const KINDS_NAMED = new Set(["tag", "publication", "author", "language"]);

/** Every archive page's address (first pages only) and name, for public/not-found.js. */
export function archiveAddresses(archive: Archive): Array<{ url: string; title: string }> {
  const m = messagesFor(archive.site.language);
  const lists = archive.listPages
    .filter((listPage) => listPage.pageNumber === 1)
    .map((listPage) => ({
      url: listPage.baseUrl,
      title: KINDS_NAMED.has(listPage.kind) ? `${m.kinds[listPage.kind]}: ${listPage.title}` : listPage.title,
    }));
  return [{ url: "/years/", title: m.years }, ...INDEXES.map(({ url, title }) => ({ url, title: m[title] })), ...lists];
}

export function render({ archive }: { archive: Archive }): string {
  const m = messagesFor(archive.site.language);
  const content = html`<header class="list-header">
  <p class="kicker">${m.error404}</p>
  <h1>${m.pageNotFound}</h1>
</header>
<div class="not-found">
  <p>${htmlMessage(m.notFoundText, { byDate: html`<a href="/years/">${m.byDateLink}</a>`, byTag: html`<a href="/tags/">${m.byTagLink}</a>`, byPublication: html`<a href="/publications/">${m.byPublicationLink}</a>` })}</p>
  <p id="nearest-page" hidden>${htmlMessage(m.nearestPage, { link: html`<a href="/">${m.theArchive}</a>` })}</p>
  <form class="search-form" action="/search/" method="get" role="search">
    <label for="not-found-search">${m.searchTheArchive}</label>
    <span class="search-row"><input id="not-found-search" type="search" name="q" placeholder="${searchPlaceholder(archive, 2)}"><button type="submit">${m.search}</button></span>
  </form>
</div>
<script type="application/json" id="archive-addresses">${jsonForScript(archiveAddresses(archive))}</script>`;
  return page({ archive, title: m.pageNotFound, url: "/404.html", bodyClass: "page-not-found", content, scripts: ["/not-found.js"] });
}
