/** `/search/`: Pagefind's UI over both languages at once. The only page with a script. */
import type { Archive } from "../src/archive/build-archive.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const content = html`<header class="list-header"><h1>Search</h1>
<p>Search the full text of every article, in English and Spanish at once. Narrow the results by publication, tag, language or year.</p></header>
<div id="search" class="search" data-search-root></div>
<noscript><p>Search needs JavaScript. Without it, browse <a href="/years/">by date</a>, <a href="/tags/">by tag</a> or <a href="/publications/">by publication</a>, or download the <a href="/data/archive.csv">whole archive</a>.</p></noscript>`;
  return page({
    archive,
    title: "Search",
    url: "/search/",
    breadcrumbs: [{ label: "Home", url: "/" }, { label: "Search" }],
    bodyClass: "page-search",
    head: html`<link rel="stylesheet" href="/pagefind/pagefind-ui.css">`,
    scripts: ["/search.js"],
    content,
  });
}
