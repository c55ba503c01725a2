/** The page shell shared by every HTML page: head, masthead, navigation, footer. */
import type { Archive } from "../archive/build-archive.ts";
import { messagesFor, type Messages } from "../archive/interface-messages.ts";
import type { ExternalImages } from "../archive/site-file.ts";
import { html, langAttribute, trustedHtml, type HtmlValue, type SafeHtml } from "./html.ts";
import { prefixRootRelativeUrls } from "./path-prefix.ts";

export interface Crumb {
  label: string;
  url?: string;
  /** Language of the label when it is not the interface's (an article's headline). */
  lang?: string;
}

export interface PageOptions {
  /**
   * The site's settings, and the articles where the page has them, to tell an archive of none: an article's
   * page, kept by a key of everything it shows (article-page-key.ts), has one, and leaves them out.
   */
  archive: Pick<Archive, "site"> & Partial<Pick<Archive, "articles">>;
  title: string;
  /** Site-relative address of this page. */
  url: string;
  description?: string;
  /** `lang` of the page's main content (an article's language); the interface keeps the site's. */
  lang?: string;
  breadcrumbs?: Crumb[];
  /** Extra elements for `<head>` (feeds, JSON-LD). */
  head?: HtmlValue;
  /**
   * Stylesheets after `/styles.css`; by default `/lists.css` (home, timeline,
   * years, pagination). Article pages load none: every byte counts on them.
   */
  stylesheets?: string[];
  /** Scripts are allowed only on the search page (see SECURITY.md). */
  scripts?: string[];
  bodyClass?: string;
  /** Pagefind indexes records built from data, not pages; kept for symmetry with the page's role. */
  content: SafeHtml;
}

/**
 * One policy for every page, as a `<meta>` so it travels with the static files
 * to any host. Scripts only from the site itself (Pagefind's WebAssembly needs
 * `wasm-unsafe-eval`); no inline script or style anywhere; images from the
 * site alone, or also from the articles' original hosts when the settings say
 * `external-images: show` (external-images.ts).
 */
export function contentSecurityPolicy(externalImages: ExternalImages = "link"): string {
  const images = externalImages === "show" ? "'self' https: data:" : "'self' data:";
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src ${images}; object-src 'none'; base-uri 'none'; form-action 'self'`;
}

export function securityPolicyMeta(externalImages?: ExternalImages): SafeHtml {
  // The policy holds no `"` or `&`: printed as is, so it reads plainly in the page source.
  return trustedHtml(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(externalImages)}">`);
}

export function absoluteUrl(archive: Pick<Archive, "site">, url: string): string {
  return `${archive.site.baseUrl}${url}`;
}

const SECTIONS: Array<{
  label: keyof Messages & ("latest" | "dates" | "tags" | "publications" | "authors" | "languages" | "search");
  url: string;
  also?: RegExp;
}> = [
  { label: "latest", url: "/articles/" },
  { label: "dates", url: "/years/", also: /^\/(?:\d{4}|undated)\// },
  { label: "tags", url: "/tags/" },
  { label: "publications", url: "/publications/" },
  { label: "authors", url: "/authors/" },
  { label: "languages", url: "/languages/" },
  { label: "search", url: "/search/" },
];

/** `page` for the section's own index, `true` for a page inside the section, else nothing. */
function currentness(section: (typeof SECTIONS)[number], url: string): "page" | "true" | undefined {
  if (url === section.url) return "page";
  if (url.startsWith(section.url) || section.also?.test(url)) return "true";
  return undefined;
}

function siteNav(url: string, m: Messages): SafeHtml {
  return html`<nav class="site-nav" aria-label="${m.sectionsNav}">
    <ul>
      ${SECTIONS.map((section) => {
        const current = currentness(section, url);
        return html`<li><a href="${section.url}"${current ? html` aria-current="${current}"` : ""}>${m[section.label]}</a></li>`;
      })}
    </ul>
  </nav>`;
}

function breadcrumbTrail(crumbs: Crumb[] | undefined, pageLang: string, m: Messages): HtmlValue {
  if (!crumbs || crumbs.length === 0) return "";
  const lang = (crumb: Crumb) => (crumb.lang ? langAttribute(crumb.lang, pageLang) : "");
  return html`<nav class="breadcrumbs" aria-label="${m.breadcrumbNav}"><ol>${crumbs.map((crumb, index) =>
    index === crumbs.length - 1
      ? html`<li><span aria-current="page"${lang(crumb)}>${crumb.label}</span></li>`
      : html`<li>${crumb.url ? html`<a href="${crumb.url}"${lang(crumb)}>${crumb.label}</a>` : html`<span${lang(crumb)}>${crumb.label}</span>`}</li>`,
  )}</ol></nav>`;
}

export function page(options: PageOptions): string {
  const { archive, title, url } = options;
  const site = archive.site;
  const isHome = url === "/";
  const fullTitle = isHome ? `${site.title}: ${site.tagline}` : `${title} · ${site.title}`;
  const lang = options.lang ?? site.language;
  const m = messagesFor(site.language);
  // An archive with no article yet has no feed (a feed of no entries says nothing), so no page links one.
  const hasFeeds = archive.articles === undefined || archive.articles.length > 0;
  // On the home page the nameplate is the page's one `h1`; elsewhere the page's own title is.
  const nameplate = isHome
    ? html`<h1 class="site-title"><a href="/" aria-current="page">${site.title}</a></h1>`
    : html`<p class="site-title"><a href="/">${site.title}</a></p>`;
  // `html` drops the templates' indentation, so optional parts that render empty leave no blanks behind.
  return prefixRootRelativeUrls(
    `<!DOCTYPE html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
${securityPolicyMeta(site.externalImages)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${options.description ?? site.tagline}">
<link rel="canonical" href="${absoluteUrl(archive, url)}">
<link rel="stylesheet" href="/styles.css">
${(options.stylesheets ?? ["/lists.css"]).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${
  hasFeeds
    ? html`<link rel="alternate" type="application/atom+xml" title="${site.title} (Atom)" href="/feed.xml">
<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="/feed.json">\n`
    : ""
}${options.head ?? ""}
${(options.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body${options.bodyClass ? html` class="${options.bodyClass}"` : ""}>
<a class="skip-link" href="#main">${m.skipToContent}</a>
<header class="masthead"${langAttribute(site.language, lang)}>
  <div class="nameplate">
    ${nameplate}
    <p class="site-tagline">${site.tagline}</p>
  </div>
  ${siteNav(url, m)}
</header>
<main id="main" tabindex="-1">
${breadcrumbTrail(options.breadcrumbs, lang, m)}
${options.content}
</main>
<footer class="site-footer"${langAttribute(site.language, lang)}>
  <div class="footer-inner">
    <p class="footer-title"><a href="/">${site.title}</a>: ${site.tagline}.</p>
    <ul class="footer-links">
      <li><a href="/data/">${m.data}</a>: <a href="/data/archive.jsonl">JSON Lines</a>, <a href="/data/archive.csv">CSV</a>, <a href="/data/archive.sqlite">SQLite</a></li>
      ${hasFeeds ? html`<li>${m.feeds}: <a href="/feed.xml">Atom</a>, <a href="/feed.json">JSON Feed</a></li>` : ""}
      <li><a href="/search/">${m.search}</a> · <a href="/years/">${m.dates}</a> · <a href="/tags/">${m.tags}</a></li>
    </ul>
  </div>
</footer>
</body>
</html>`}\n`,
    site.pathPrefix,
  );
}
