/**
 * `/search/`: Pagefind's Component UI over every language at once, with
 * filters (publication, tag, language, year, each value with its count), a
 * sort by relevance or date, and the query in the address. The only page with
 * a script: `/search.js` (no inline script, so it runs under a CSP of
 * `script-src 'self' 'wasm-unsafe-eval'`).
 */
import type { Archive } from "../src/archive/build-archive.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";
import { languagesOfArchive, searchPlaceholder } from "../src/site/search-hints.ts";

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const languages = languagesOfArchive(archive);
  const content = html`<header class="list-header"><h1>Search</h1>
<p>Search the full text of every article${languages ? `, in ${languages} at once` : ""}. Narrow the results by publication, tag, language or year.</p></header>
<pagefind-config bundle-path="/pagefind/" base-url="/" highlight-param="highlight" excerpt-length="36" preload></pagefind-config>
<div id="search" class="search" data-search-root hidden>
  <div class="search-bar">
    <pagefind-input class="search-input" placeholder="${searchPlaceholder(archive, 3, "Words to find")}" debounce="150"></pagefind-input>
    <label class="search-sort">Sort by
      <select id="search-sort" name="sort">
        <option value="relevance">relevance</option>
        <option value="newest">date, newest first</option>
        <option value="oldest">date, oldest first</option>
      </select>
    </label>
    <button type="button" class="search-filters-toggle" aria-expanded="false" aria-controls="search-filters">Filters<span class="search-filters-count" hidden></span></button>
  </div>
  <pagefind-summary class="search-summary" default-message="Type a word to search ${archive.articles.length} articles."></pagefind-summary>
  <div class="search-body">
    <section id="search-filters" class="search-filters is-folded" aria-label="Filters">
      <pagefind-filter-pane open="publication,language,year" sort="alphabetical"></pagefind-filter-pane>
    </section>
    <pagefind-results class="search-results"></pagefind-results>
  </div>
</div>
<noscript><p>Search needs JavaScript. Without it, browse <a href="/years/">by date</a>, <a href="/tags/">by tag</a> or <a href="/publications/">by publication</a>, search offline with <code>npm run search</code>, or download the <a href="/data/archive.csv">whole archive</a>.</p></noscript>`;
  return page({
    archive,
    title: "Search",
    url: "/search/",
    description: `Search every article of the archive${languages ? `, in ${languages} at once` : ""}.`,
    breadcrumbs: [{ label: "Home", url: "/" }, { label: "Search" }],
    bodyClass: "page-search",
    head: html`<link rel="stylesheet" href="/pagefind/pagefind-component-ui.css">
<link rel="stylesheet" href="/search.css">`,
    scripts: ["/search.js"],
    content,
  });
}
