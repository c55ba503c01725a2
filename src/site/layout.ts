/** The page shell shared by every HTML page: head, masthead, navigation, footer. */
import type { Archive } from "../archive/build-archive.ts";
import { html, type HtmlValue, type SafeHtml } from "./html.ts";

export interface Crumb {
  label: string;
  url?: string;
}

export interface PageOptions {
  archive: Archive;
  title: string;
  /** Site-relative address of this page. */
  url: string;
  description?: string;
  /** `lang` of the page's main content (an article's language); the interface stays English. */
  lang?: string;
  breadcrumbs?: Crumb[];
  /** Extra elements for `<head>` (feeds, JSON-LD). */
  head?: HtmlValue;
  /** Scripts are allowed only on the search page (see SECURITY.md). */
  scripts?: string[];
  bodyClass?: string;
  /** Pagefind indexes records built from data, not pages; kept for symmetry with the page's role. */
  content: SafeHtml;
}

export function absoluteUrl(archive: Archive, url: string): string {
  return `${archive.site.baseUrl}${url}`;
}

function breadcrumbTrail(crumbs: Crumb[] | undefined): HtmlValue {
  if (!crumbs || crumbs.length === 0) return "";
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs.map((crumb, index) =>
    index === crumbs.length - 1
      ? html`<li><span aria-current="page">${crumb.label}</span></li>`
      : html`<li>${crumb.url ? html`<a href="${crumb.url}">${crumb.label}</a>` : crumb.label}</li>`,
  )}</ol></nav>`;
}

export function page(options: PageOptions): string {
  const { archive, title, url } = options;
  const site = archive.site;
  const fullTitle = url === "/" ? `${site.title}: ${site.tagline}` : `${title} · ${site.title}`;
  const lang = options.lang ?? site.language;
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${options.description ?? site.tagline}">
<link rel="canonical" href="${absoluteUrl(archive, url)}">
<link rel="stylesheet" href="/styles.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="${site.title} (Atom)" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="/feed.json">
${options.head ?? ""}
${(options.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ""}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead" lang="${site.language}">
  <div class="masthead-inner">
    <p class="site-title"><a href="/">${site.title}</a></p>
    <p class="site-tagline">${site.tagline}</p>
  </div>
  <nav class="site-nav" aria-label="Sections">
    <ul>
      <li><a href="/articles/">Latest</a></li>
      <li><a href="/years/">Dates</a></li>
      <li><a href="/tags/">Tags</a></li>
      <li><a href="/publications/">Publications</a></li>
      <li><a href="/authors/">Authors</a></li>
      <li><a href="/languages/">Languages</a></li>
      <li><a href="/search/">Search</a></li>
    </ul>
  </nav>
</header>
<main id="main" tabindex="-1">
${breadcrumbTrail(options.breadcrumbs)}
${options.content}
</main>
<footer class="site-footer" lang="${site.language}">
  <p>${site.title} is a static archive. Data: <a href="/data/archive.jsonl">JSON Lines</a>, <a href="/data/archive.csv">CSV</a>, <a href="/data/archive.sqlite">SQLite</a>. Feeds: <a href="/feed.xml">Atom</a>, <a href="/feed.json">JSON Feed</a>.</p>
</footer>
</body>
</html>`}\n`;
}
