/**
 * Atom and JSON Feed documents with the `feed` library. Entries carry the
 * article's own date (its earliest moment), never the build time, so feeds are
 * identical from build to build; undated articles have no place in a feed.
 */
import { Feed } from "feed";
import type { Archive, FeedSpec } from "../archive/build-archive.ts";
import { absoluteUrl } from "./layout.ts";

function buildFeed(archive: Archive, spec: FeedSpec): Feed {
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
      title: article.title,
      id: link,
      link,
      date: new Date(article.parsedDate!.min),
      published: new Date(article.parsedDate!.min),
      description: article.summary ?? article.text.slice(0, 280),
      content: article.html,
      // `feed` reads `author[0]` for JSON Feed without checking: omit the field when there is no byline.
      ...(article.authors?.length ? { author: article.authors.map((name) => ({ name })) } : {}),
      category: (article.tags ?? []).map((name) => ({ name })),
    });
  }
  return feed;
}

export function feedToAtom(archive: Archive, spec: FeedSpec): string {
  return buildFeed(archive, spec).atom1();
}

export function feedToJson(archive: Archive, spec: FeedSpec): string {
  return buildFeed(archive, spec).json1();
}
