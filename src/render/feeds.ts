/**
 * Atom (RFC 4287) and JSON Feed 1.1 documents, written here: the `feed`
 * library wrote `<` unescaped in attributes and JSON Feed 1.0 only. A feed
 * says what is new in the archive: every article, dated or not, by the day it
 * entered the archive (entry-days.ts), which is each entry's `updated` and
 * `published` (JSON Feed's `date_published`); the article's own date is given
 * apart, in a line above its text and in JSON Feed's `_hemeroteca` extension.
 * Nothing depends on the build time, so feeds are the same from build to build.
 */
import { createHash } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import type { Archive, FeedSpec } from "../archive/build-archive.ts";
import { dateLabel, messagesFor } from "../archive/interface-messages.ts";
import { dateToDatetimeAttribute } from "../records/edtf-date.ts";
import { permanentAddress } from "../records/permalink.ts";
import { escapeHtml } from "./html.ts";
import { isRootRelative, rewriteAddresses } from "./html-addresses.ts";
import { absoluteUrl } from "./layout.ts";

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
  return rewriteAddresses(
    body,
    (address) => {
      if (isRootRelative(address)) return `${site}${address}`;
      if (address.startsWith("#")) return `${article}${address}`;
      return address;
    },
    MAY_HOLD_SITE_ADDRESS,
  );
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
  /** The rights line and the line above an entry's text, in the interface's language. */
  rights: string;
  published: string;
  undated: string;
  /** The feed's Atom id (`feedIdOf`). */
  id: string;
  /** Absolute addresses with `SITE_URL` (the site's without the final slash, `https://example.org/archive`), else site-relative. */
  siteUrl: string;
  pageUrl: string;
  atomUrl: string;
  jsonUrl: string;
  entries: Array<{
    title: string;
    /** The entry's id (`feedIdOf`) from the article's permanent address (`/a/<id>/`), which never moves. */
    id: string;
    /** Absolute address of the article page. */
    link: string;
    /** The day the article entered the archive, in milliseconds (midnight UTC). */
    entered: number;
    /** The article's own date: EDTF, as a label and as a `<time datetime>`; absent when undated. */
    date?: { edtf: string; label: string; datetime: string };
    publication: string;
    language: string;
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

/** The URL namespace of RFC 9562's name-based UUIDs. */
const URL_NAMESPACE = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");

/**
 * What an Atom id (an absolute IRI, RFC 4287 4.2.6) is for a site address:
 * the absolute address with `SITE_URL`, else a name-based UUID (version 5) of
 * the site-relative one, `urn:uuid:…`, which claims no host.
 */
export function feedIdOf(archive: Pick<Archive, "site">, address: string): string {
  if (archive.site.baseUrl) return absoluteUrl(archive, address);
  const hash = createHash("sha1").update(URL_NAMESPACE).update(address).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function feedInput(archive: Archive, spec: FeedSpec): FeedInput {
  const messages = messagesFor(archive.site.language);
  return {
    title: spec.title,
    description: archive.site.tagline,
    language: archive.site.language,
    rights: messages.feedRights,
    published: messages.feedPublished,
    undated: messages.undated,
    siteUrl: archive.site.baseUrl,
    id: feedIdOf(archive, spec.pageUrl),
    pageUrl: absoluteUrl(archive, spec.pageUrl),
    atomUrl: absoluteUrl(archive, feedPermalink(spec, "atom")),
    jsonUrl: absoluteUrl(archive, feedPermalink(spec, "json")),
    entries: spec.articles
      .map((article) => ({ article, body: archive.bodyOf(article) }))
      .map(({ article, body }) => ({
        title: article.title,
        id: feedIdOf(archive, permanentAddress(article.id)),
        link: absoluteUrl(archive, article.permalink),
        entered: Date.parse(`${archive.entryDayOf(article)}T00:00:00Z`),
        ...(article.parsedDate
          ? {
              date: {
                edtf: article.parsedDate.edtf,
                label: dateLabel(messages, article.parsedDate),
                datetime: dateToDatetimeAttribute(article.parsedDate),
              },
            }
          : {}),
        publication: article.publication,
        language: article.language,
        description: article.summary ?? body.text.slice(0, 280),
        html: body.html,
        authors: article.authors ?? [],
        tags: article.tags ?? [],
      })),
  };
}

type FeedEntry = FeedInput["entries"][number];

/** The line above an entry's text: where and when the article itself was published. */
function publishedLine(input: FeedInput, entry: FeedEntry): string {
  const when = entry.date
    ? `<time datetime="${escapeHtml(entry.date.datetime)}">${escapeHtml(entry.date.label)}</time>`
    : escapeHtml(input.undated);
  // The template is the project's own text; only the values are escaped, and `{…}` in them is not read as a placeholder.
  const line = escapeHtml(input.published).replace(/\{(publication|date)\}/g, (_, name: string) =>
    name === "date" ? when : `<i>${escapeHtml(entry.publication)}</i>`,
  );
  return `<p>${line}</p>\n`;
}

function entryContent(input: FeedInput, entry: FeedEntry): string {
  return `${publishedLine(input, entry)}${bodyForFeed(entry.html, input.siteUrl, entry.link)}`;
}

/** Atom requires an author of every entry (RFC 4287, 4.1.2): the bylines, or else the publication. */
const entryAuthors = (entry: FeedEntry) => (entry.authors.length ? entry.authors : [entry.publication]);

const latestEntry = (input: FeedInput) => new Date(Math.max(...input.entries.map((entry) => entry.entered)));

const ATOM = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  processEntities: true,
});

/**
 * Atom (RFC 4287): every entry has an author and every category a `term`;
 * titles and summaries are text, the content HTML, all XML-escaped by the
 * builder (fast-xml-parser), attributes included.
 */
function atomDocument(input: FeedInput): string {
  const feed = {
    "@_xmlns": "http://www.w3.org/2005/Atom",
    "@_xml:lang": input.language,
    id: input.id,
    title: input.title,
    subtitle: input.description,
    updated: latestEntry(input).toISOString(),
    link: [
      { "@_rel": "alternate", "@_type": "text/html", "@_href": input.pageUrl },
      { "@_rel": "self", "@_type": "application/atom+xml", "@_href": input.atomUrl },
    ],
    rights: input.rights,
    generator: "Hemeroteca",
    entry: input.entries.map((entry) => ({
      "@_xml:lang": entry.language,
      id: entry.id,
      title: entry.title,
      link: { "@_rel": "alternate", "@_type": "text/html", "@_href": entry.link },
      updated: new Date(entry.entered).toISOString(),
      published: new Date(entry.entered).toISOString(),
      author: entryAuthors(entry).map((name) => ({ name })),
      category: entry.tags.map((term) => ({ "@_term": term })),
      summary: entry.description,
      content: { "@_type": "html", "#text": entryContent(input, entry) },
    })),
  };
  return String(ATOM.build({ "?xml": { "@_version": "1.0", "@_encoding": "utf-8" }, feed }));
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
function jsonFeedDocument(input: FeedInput): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: input.title,
    home_page_url: input.pageUrl,
    feed_url: input.jsonUrl,
    description: input.description,
    language: input.language,
    items: input.entries.map((entry) => ({
      id: entry.id,
      url: entry.link,
      title: entry.title,
      summary: entry.description,
      content_html: entryContent(input, entry),
      date_published: new Date(entry.entered).toISOString(),
      authors: entryAuthors(entry).map((name) => ({ name })),
      ...(entry.tags.length ? { tags: entry.tags } : {}),
      language: entry.language,
      // An extension (JSON Feed 1.1, "Extensions"): the article's own date, apart from the day it entered the archive.
      _hemeroteca: { publication: entry.publication, date: entry.date?.edtf ?? null },
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The Atom or JSON Feed document of `input`. */
export function feedDocument(input: FeedInput, format: FeedFormat): string {
  return format === "atom" ? atomDocument(input) : jsonFeedDocument(input);
}
