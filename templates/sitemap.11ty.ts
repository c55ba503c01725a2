/** `/sitemap.xml`: every HTML page a reader can land on (redirects excluded); only with `SITE_URL`, as a sitemap holds absolute addresses only. */
import type { Archive } from "../src/archive/build-archive.ts";
import { escapeHtml } from "../src/render/html.ts";
import { absoluteUrl } from "../src/render/layout.ts";

export const data = {
  permalink: (data: { archive: Archive }) => (data.archive.site.baseUrl ? "/sitemap.xml" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: { archive: Archive }): string {
  const urls = [
    "/",
    "/years/",
    "/tags/",
    "/publications/",
    "/authors/",
    "/languages/",
    "/search/",
    "/data/",
    ...archive.listPages.map((p) => p.url),
    ...archive.issueIndexes.map((index) => index.url),
    ...archive.sources.map((source) => source.url),
    ...archive.articles.map((a) => a.permalink),
  ];
  const entries = urls.map((url) => `  <url><loc>${escapeHtml(absoluteUrl(archive, url))}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}
