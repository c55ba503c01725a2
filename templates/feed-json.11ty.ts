/** `/feed.json` and one JSON Feed per tag and publication. */
import type { Archive, FeedSpec } from "../src/archive/build-archive.ts";
import { feedToJson } from "../src/site/feeds.ts";

interface Data { archive: Archive; feed: FeedSpec }

export const data = {
  pagination: { data: "archive.feeds", size: 1, alias: "feed" },
  permalink: (data: Data) => `${data.feed.basePath}.json`,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, feed }: Data): string {
  return feedToJson(archive, feed);
}
