/**
 * `/search/`: Pagefind's Component UI over every language at once, with
 * filters (publication, tag, language, year, each value with its count), a
 * sort by relevance or date, the query in the address, and the matches by
 * month and publication (public/search-timeline.js, loaded when the reader
 * opens the chart). The only page with a script: `/search.js` (no inline
 * script, so it runs under a CSP of `script-src 'self' 'wasm-unsafe-eval'`).
 * Pagefind keeps its worker (12 KB of every first search): without it, a
 * typed search on the page's thread came late under load (PERFORMANCE.md).
 */
import type { Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import { html, htmlMessage, jsonForScript } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";
import { languagesOfArchive, searchPlaceholder } from "../src/render/search-hints.ts";

export const data = { permalink: "/search/", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  const m = messagesFor(archive.site.language);
  // Pagefind makes no index of no pages, and its client then fails: an archive with no article yet says so instead.
  if (archive.articles.length === 0) return nothingToSearch(archive);
  const names = languagesOfArchive(archive);
  const languages = names ? formatMessage(m.searchLanguages, { languages: names }) : "";
  const content = html`<header class="list-header"><h1>${m.search}</h1>
<p>${formatMessage(m.searchIntro, { languages })}</p></header>
<pagefind-config bundle-path="/pagefind/" base-url="/" highlight-param="highlight" excerpt-length="36" lang="${archive.site.language}" preload></pagefind-config>
<script type="application/json" id="search-messages">${jsonForScript(m.script)}</script>
<div id="search" class="search" data-search-root hidden>
  <div class="search-bar">
    <pagefind-input class="search-input" placeholder="${searchPlaceholder(archive, 3)}" debounce="150"></pagefind-input>
    <label class="search-sort">${m.sortBy}
      <select id="search-sort" name="sort">
        <option value="relevance">${m.sortRelevance}</option>
        <option value="newest">${m.sortNewest}</option>
        <option value="oldest">${m.sortOldest}</option>
      </select>
    </label>
    <button type="button" class="search-filters-toggle" aria-expanded="false" aria-controls="search-filters">${m.filters}<span class="search-filters-count" hidden></span></button>
  </div>
  <pagefind-summary class="search-summary" default-message="${formatMessage(m.searchPrompt, { count: archive.articles.length })}"></pagefind-summary>
  <div class="search-body">
    <section id="search-filters" class="search-filters is-folded" aria-label="${m.filters}">
      <pagefind-filter-pane open="publication,language,year" sort="alphabetical"></pagefind-filter-pane>
    </section>
    <div class="search-main">
      <button type="button" class="search-timeline-toggle" aria-expanded="false" aria-controls="search-timeline" hidden>${m.script.timeline.title}</button>
      <figure class="search-timeline" id="search-timeline" hidden></figure>
      <pagefind-results class="search-results"></pagefind-results>
    </div>
  </div>
</div>
<noscript><p>${htmlMessage(m.searchNeedsScript, {
    byDate: html`<a href="/years/">${m.byDateLink}</a>`,
    byTag: html`<a href="/tags/">${m.byTagLink}</a>`,
    byPublication: html`<a href="/publications/">${m.byPublicationLink}</a>`,
    command: html`<code>npm run search</code>`,
    wholeArchive: html`<a href="/data/archive.csv">${m.wholeArchive}</a>`,
  })}</p></noscript>`;
  return page({
    archive,
    title: m.search,
    url: "/search/",
    description: formatMessage(m.searchDescription, { languages }),
    breadcrumbs: [{ label: m.home, url: "/" }, { label: m.search }],
    bodyClass: "page-search",
    // Not lists.css: of its rules this page uses only the header's, which search.css has.
    stylesheets: ["/pagefind/pagefind-component-ui.css", "/search.css"],
    scripts: ["/search.js"],
    content,
  });
}

function nothingToSearch(archive: Archive): string {
  const m = messagesFor(archive.site.language);
  return page({
    archive,
    title: m.search,
    url: "/search/",
    description: m.searchNothingYet,
    breadcrumbs: [{ label: m.home, url: "/" }, { label: m.search }],
    bodyClass: "page-search",
    content: html`<header class="list-header"><h1>${m.search}</h1>
<p>${m.searchNothingYet}</p></header>`,
  });
}
