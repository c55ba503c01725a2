/**
 * Atom and JSON Feed documents with the `feed` library. Entries carry the
 * article's own date (its earliest moment), never the build time, so feeds are
 * identical from build to build; undated articles have no place in a feed.
 */
import { Feed } from "feed";
import type { Archive, FeedSpec } from "../archive/build-archive.ts";
import { escapeHtml } from "./html.ts";
import { absoluteUrl } from "./layout.ts";

/**
 * Atom marks titles and summaries `type="html"` inside CDATA: plain text must
 * be escaped there so a headline like `<script>` is shown, never interpreted,
 * and `]]>` can never end the CDATA section early.
 */
const forAtom = (text: string) => escapeHtml(text);
const htmlForAtom = (markup: string) => markup.replace(/]]>/g, "]]&gt;");

function buildFeed(archive: Archive, spec: FeedSpec, format: "atom" | "json"): Feed {
  const text = format === "atom" ? forAtom : (value: string) => value;
  const markup = format === "atom" ? htmlForAtom : (value: string) => value;
  const dates = spec.articles.map((a) => a.parsedDate!.min);
  const updated = new Date(dates.length ? Math.max(...dates) : 0);
  const feed = new Feed({
    title: spec.title,
    description: archive.site.tagline,
    id: absoluteUrl(archive, spec.pageUrl),
    link: absoluteUrl(archive, spec.pageUrl),
    language: archive.site.language,
    updated,
    copyright: "Each article belongs to its publication",
    generator: "Hemeroteca",
    feedLinks: { atom: absoluteUrl(archive, `${spec.basePath}.xml`), json: absoluteUrl(archive, `${spec.basePath}.json`) },
  });
  for (const article of spec.articles) {
    const link = absoluteUrl(archive, article.permalink);
    feed.addItem({
      title: text(article.title),
      id: link,
      link,
      date: new Date(article.parsedDate!.min),
      published: new Date(article.parsedDate!.min),
      description: text(article.summary ?? article.text.slice(0, 280)),
      content: markup(article.html),
      // `feed` reads `author[0]` for JSON Feed without checking: omit the field when there is no byline.
      ...(article.authors?.length ? { author: article.authors.map((name) => ({ name })) } : {}),
      category: (article.tags ?? []).map((name) => ({ name: text(name) })),
    });
  }
  return feed;
}

export function feedToAtom(archive: Archive, spec: FeedSpec): string {
  return buildFeed(archive, spec, "atom").atom1();
}

export function feedToJson(archive: Archive, spec: FeedSpec): string {
  return buildFeed(archive, spec, "json").json1();
}
