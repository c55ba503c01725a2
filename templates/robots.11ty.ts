/** `/robots.txt`: the archive is public; point crawlers at the sitemap. */
import type { Archive } from "../src/archive/build-archive.ts";
import { absoluteUrl } from "../src/site/layout.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  return `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(archive, "/sitemap.xml")}\n`;
}
