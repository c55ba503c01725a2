/** `/feed.json` and one JSON Feed per tag and publication. */
import type { Archive, FeedSpec } from "../src/archive/build-archive.ts";
import { feedPermalink, type FeedFormat } from "../src/render/feeds.ts";

interface Data {
  archive: Archive;
  feed: FeedSpec;
  feedDocument: (spec: FeedSpec, format: FeedFormat) => string;
}

export const data = {
  // Every feed, or in a full build with a ledger, those whose file would change (src/build/output/pages-to-write.ts).
  pagination: { data: "pagesToWrite.feeds.json", size: 1, alias: "feed" },
  permalink: (data: Data) => feedPermalink(data.feed, "json"),
  eleventyExcludeFromCollections: true,
};

/** The document comes from the build's feed cache (src/build/cache/feed-cache.ts). */
export function render({ feed, feedDocument }: Data): string {
  return feedDocument(feed, "json");
}
