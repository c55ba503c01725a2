/** `/feed.xml` and one Atom feed per tag and publication. */
import type { Archive, FeedSpec } from "../src/archive/build-archive.ts";
import { feedToAtom } from "../src/site/feeds.ts";

interface Data { archive: Archive; feed: FeedSpec }

export const data = {
  pagination: { data: "archive.feeds", size: 1, alias: "feed" },
  permalink: (data: Data) => `${data.feed.basePath}.xml`,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, feed }: Data): string {
  return feedToAtom(archive, feed);
}
