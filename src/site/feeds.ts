/**
 * Atom and JSON Feed documents with the `feed` library. Entries carry the
 * article's own date (its earliest moment), never the build time, so feeds are
 * identical from build to build; undated articles have no place in a feed.
 */
import { Feed } from "feed";
import type { Archive, FeedSpec } from "../archive/build-archive.ts";
import { escapeHtml } from "./html.ts";
import { isRootRelative, rewriteAddresses } from "./html-addresses.ts";
import { absoluteUrl } from "./layout.ts";

/**
 * Atom marks titles and summaries `type="html"` inside CDATA: plain text must
 * be escaped there so a headline like `<script>` is shown, never interpreted,
 * and `]]>` can never end the CDATA section early.
 */
const forAtom = (text: string) => escapeHtml(text);
const htmlForAtom = (markup: string) => markup.replace(/]]>/g, "]]&gt;");

/** Only tags with an address from the site's root or a fragment are looked at closely. */
const MAY_HOLD_SITE_ADDRESS = /="[/#]|\ssrcset="/i;

/**
 * An article body as a feed reader needs it, away from the site: a link to
 * another page of the archive (`/2021/03/x/`) and one within the article
 * (a footnote, `#user-content-fn-1`) become absolute, since readers resolve
 * them against the feed's address, or not at all.
 */
export function bodyForFeed(body: string, siteUrl: string, articleUrl: string): string {
  const [site, article] = [escapeHtml(siteUrl), escapeHtml(articleUrl)];
  return rewriteAddresses(body, (address) => {
    if (isRootRelative(address)) return `${site}${address}`;
    if (address.startsWith("#")) return `${article}${address}`;
    return address;
  }, MAY_HOLD_SITE_ADDRESS);
}

/**
 * Everything a feed document is made of, as plain data: the feed cache
 * (feed-cache.ts) keys each document by the hash of exactly this, so a field
 * the documents read must be taken here and nowhere else.
 */
export interface FeedInput {
  title: string;
  description: string;
  language: string;
  /** Absolute addresses; the site's without the final slash (`https://example.org/archive`). */
  siteUrl: string;
  pageUrl: string;
  atomUrl: string;
  jsonUrl: string;
  entries: Array<{
    title: string;
    /** Absolute address of the article page, also its id. */
    link: string;
    /** The article's earliest moment, in milliseconds. */
    time: number;
    /** The summary, or the start of the text. */
    description: string;
    html: string;
    authors: string[];
    tags: string[];
  }>;
}

export type FeedFormat = "atom" | "json";

/** The file extension of a feed document in each format. */
export const FEED_EXTENSION: Readonly<Record<FeedFormat, string>> = { atom: ".xml", json: ".json" };

/** Where the feed lives on the site in `format`: `/tags/x/feed.xml`, `/tags/x/feed.json`. */
export function feedPermalink(spec: Pick<FeedSpec, "basePath">, format: FeedFormat): string {
  return `${spec.basePath}${FEED_EXTENSION[format]}`;
}

export function feedInput(archive: Archive, spec: FeedSpec): FeedInput {
  return {
    title: spec.title,
    description: archive.site.tagline,
    language: archive.site.language,
    siteUrl: archive.site.baseUrl,
    pageUrl: absoluteUrl(archive, spec.pageUrl),
    atomUrl: absoluteUrl(archive, feedPermalink(spec, "atom")),
    jsonUrl: absoluteUrl(archive, feedPermalink(spec, "json")),
    entries: spec.articles.map((article) => ({
      title: article.title,
      link: absoluteUrl(archive, article.permalink),
      time: article.parsedDate!.min,
      description: article.summary ?? article.text.slice(0, 280),
      html: article.html,
      authors: article.authors ?? [],
      tags: article.tags ?? [],
    })),
  };
}

function buildFeed(input: FeedInput, format: FeedFormat): Feed {
  const text = format === "atom" ? forAtom : (value: string) => value;
  const markup = format === "atom" ? htmlForAtom : (value: string) => value;
  const times = input.entries.map((entry) => entry.time);
  const updated = new Date(times.length ? Math.max(...times) : 0);
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: input.pageUrl,
    link: input.pageUrl,
    language: input.language,
    updated,
    copyright: "Each article belongs to its publication",
    generator: "Hemeroteca",
    feedLinks: { atom: input.atomUrl, json: input.jsonUrl },
  });
  for (const entry of input.entries) {
    feed.addItem({
      title: text(entry.title),
      id: entry.link,
      link: entry.link,
      date: new Date(entry.time),
      published: new Date(entry.time),
      description: text(entry.description),
      content: markup(bodyForFeed(entry.html, input.siteUrl, entry.link)),
      // `feed` reads `author[0]` for JSON Feed without checking: omit the field when there is no byline.
      ...(entry.authors.length ? { author: entry.authors.map((name) => ({ name })) } : {}),
      category: entry.tags.map((name) => ({ name: text(name) })),
    });
  }
  return feed;
}

/** The Atom or JSON Feed document of `input`. */
export function feedDocument(input: FeedInput, format: FeedFormat): string {
  const feed = buildFeed(input, format);
  return format === "atom" ? feed.atom1() : feed.json1();
}
