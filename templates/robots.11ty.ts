/** `/robots.txt`: the archive is public; point crawlers at the sitemap, when there is one (`SITE_URL`). */
import type { Archive } from "../src/archive/build-archive.ts";
import { absoluteUrl } from "../src/render/layout.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: Archive }): string {
  return `User-agent: *\nAllow: /\n${archive.site.baseUrl ? `Sitemap: ${absoluteUrl(archive, "/sitemap.xml")}\n` : ""}`;
}
