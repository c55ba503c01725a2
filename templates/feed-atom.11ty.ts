/** `/feed.xml` and one Atom feed per tag and publication. */
import type { Archive, FeedSpec } from "../src/archive/build-archive.ts";
import type { FeedFormat } from "../src/site/feeds.ts";

interface Data { archive: Archive; feed: FeedSpec; feedDocument: (spec: FeedSpec, format: FeedFormat) => string }

export const data = {
  pagination: { data: "archive.feeds", size: 1, alias: "feed" },
  permalink: (data: Data) => `${data.feed.basePath}.xml`,
  eleventyExcludeFromCollections: true,
};

/** The document comes from the build's feed cache (src/site/feed-cache.ts). */
export function render({ feed, feedDocument }: Data): string {
  return feedDocument(feed, "atom");
}
