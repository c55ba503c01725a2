/**
 * The rules a feed must keep, checked on its parsed document. No validator
 * of RFC 4287's RELAX NG schema runs in JavaScript without a download, so
 * Atom is checked against the RFC's MUSTs one by one (sections 4.1.1 to
 * 4.2.15, with fast-xml-parser); JSON Feed against version 1.1's required
 * fields and types. Each answers a list of problems, empty when the feed is valid.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ATOM_NS = "http://www.w3.org/2005/Atom";
/** RFC 3339 date-time, as RFC 4287 3.3 requires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const TEXT_TYPES = new Set(["text", "html", "xhtml"]);

/** A URL of a JSON Feed: absolute, or from the site's root (a site built without its address, `SITE_URL`). */
const isUrl = (value: unknown) => typeof value === "string" && (value.startsWith("/") ? !value.startsWith("//") : isAbsoluteIri(value));

const isAbsoluteIri = (value: unknown) => {
  if (typeof value !== "string") return false;
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
};

type Node = Record<string, unknown>;
const REPEATED = new Set([
  "entry",
  "link",
  "author",
  "category",
  "contributor",
  "id",
  "title",
  "updated",
  "published",
  "summary",
  "content",
  "rights",
  "subtitle",
  "generator",
  "icon",
  "logo",
  "source",
  "name",
  "uri",
  "email",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  isArray: (name) => REPEATED.has(name),
  parseTagValue: false,
  trimValues: false,
});

const textOf = (node: unknown): string =>
  typeof node === "object" && node !== null ? String((node as Node)["#text"] ?? "") : String(node ?? "");
const list = (node: Node, name: string) => (node[name] as unknown[] | undefined) ?? [];

function checkDate(problems: string[], where: string, node: Node, name: string, required: boolean) {
  const values = list(node, name);
  if (values.length > 1) problems.push(`${where}: more than one atom:${name}`);
  if (required && values.length === 0) problems.push(`${where}: no atom:${name}`);
  for (const value of values) {
    const text = textOf(value).trim();
    if (!RFC3339.test(text)) problems.push(`${where}: atom:${name} \`${text}\` is not an RFC 3339 date-time`);
    else if (text.startsWith("1970-01-01")) problems.push(`${where}: atom:${name} is the epoch, not a date of the archive`);
  }
}

function checkText(problems: string[], where: string, node: Node, name: string, required: boolean) {
  const values = list(node, name);
  if (values.length > 1) problems.push(`${where}: more than one atom:${name}`);
  if (required && values.length === 0) problems.push(`${where}: no atom:${name}`);
  for (const value of values) {
    const type = typeof value === "object" && value !== null ? String((value as Node)["@type"] ?? "text") : "text";
    if (!TEXT_TYPES.has(type)) problems.push(`${where}: atom:${name} has type \`${type}\``);
  }
}

function checkPersons(problems: string[], where: string, node: Node) {
  for (const kind of ["author", "contributor"]) {
    for (const person of list(node, kind) as Node[]) {
      const names = list(person, "name");
      if (names.length !== 1 || !textOf(names[0]).trim())
        problems.push(`${where}: an atom:${kind} without exactly one non-empty atom:name`);
      for (const uri of list(person, "uri")) if (!isAbsoluteIri(textOf(uri))) problems.push(`${where}: atom:${kind} uri is not an IRI`);
    }
  }
}

function checkLinks(problems: string[], where: string, node: Node) {
  const alternates = new Set<string>();
  for (const link of list(node, "link") as Node[]) {
    if (typeof link["@href"] !== "string" || !link["@href"]) problems.push(`${where}: an atom:link without href`);
    const rel = String(link["@rel"] ?? "alternate");
    if (rel === "alternate") {
      const key = `${String(link["@type"] ?? "")}\0${String(link["@hreflang"] ?? "")}`;
      if (alternates.has(key)) problems.push(`${where}: two alternate links of one type and language`);
      alternates.add(key);
    }
  }
}

function checkCommon(problems: string[], where: string, node: Node) {
  const ids = list(node, "id");
  if (ids.length !== 1) problems.push(`${where}: ${ids.length} atom:id, not one`);
  else if (!isAbsoluteIri(textOf(ids[0]).trim())) problems.push(`${where}: atom:id \`${textOf(ids[0])}\` is not an absolute IRI`);
  checkText(problems, where, node, "title", true);
  checkText(problems, where, node, "rights", false);
  checkDate(problems, where, node, "updated", true);
  checkPersons(problems, where, node);
  checkLinks(problems, where, node);
  for (const category of list(node, "category") as Node[]) {
    if (typeof category["@term"] !== "string" || !category["@term"]) problems.push(`${where}: an atom:category without term`);
  }
}

/** RFC 4287's MUSTs for an Atom Feed Document (sections 4.1.1, 4.1.2, 4.2). */
export function atomProblems(xml: string): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${JSON.stringify(wellFormed.err)}`];
  const document = parser.parse(xml) as Node;
  const feed = document.feed as Node | undefined;
  if (!feed) return ["the root element is not atom:feed"];
  const problems: string[] = [];
  if (feed["@xmlns"] !== ATOM_NS) problems.push(`atom:feed is not in the Atom namespace`);
  checkCommon(problems, "feed", feed);
  checkText(problems, "feed", feed, "subtitle", false);
  if (list(feed, "link").filter((link) => (link as Node)["@rel"] === "self").length > 1) problems.push("feed: more than one self link");
  const feedHasAuthor = list(feed, "author").length > 0;
  const entries = list(feed, "entry") as Node[];
  const ids = new Set<string>();
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    checkCommon(problems, where, entry);
    checkDate(problems, where, entry, "published", false);
    checkText(problems, where, entry, "summary", false);
    const id = textOf(list(entry, "id")[0]).trim();
    if (ids.has(id)) problems.push(`${where}: atom:id \`${id}\` repeats another entry's`);
    ids.add(id);
    if (!feedHasAuthor && list(entry, "author").length === 0 && !list(entry, "source").length)
      problems.push(`${where}: no atom:author, and the feed has none`);
    const contents = list(entry, "content") as unknown[];
    if (contents.length > 1) problems.push(`${where}: more than one atom:content`);
    const hasAlternate = (list(entry, "link") as Node[]).some((link) => (link["@rel"] ?? "alternate") === "alternate");
    if (contents.length === 0 && !hasAlternate) problems.push(`${where}: neither atom:content nor an alternate link`);
  });
  return problems;
}

const JSON_FEED_TOP = new Set([
  "version",
  "title",
  "home_page_url",
  "feed_url",
  "description",
  "user_comment",
  "next_url",
  "icon",
  "favicon",
  "authors",
  "author",
  "language",
  "expired",
  "hubs",
  "items",
]);
const JSON_FEED_ITEM = new Set([
  "id",
  "url",
  "external_url",
  "title",
  "content_html",
  "content_text",
  "summary",
  "image",
  "banner_image",
  "date_published",
  "date_modified",
  "authors",
  "author",
  "tags",
  "language",
  "attachments",
]);

function authorsProblems(where: string, authors: unknown): string[] {
  if (authors === undefined) return [];
  if (!Array.isArray(authors)) return [`${where}: authors is not an array`];
  return authors.flatMap((author, index) => {
    const value = author as Node;
    if (typeof value !== "object" || value === null) return [`${where}: author ${index + 1} is not an object`];
    if (!["name", "url", "avatar"].some((key) => typeof value[key] === "string"))
      return [`${where}: author ${index + 1} has no name, url or avatar`];
    return [];
  });
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): its required fields, their types, and extensions named with `_`. */
export function jsonFeedProblems(text: string): string[] {
  let feed: Node;
  try {
    feed = JSON.parse(text) as Node;
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (feed.version !== "https://jsonfeed.org/version/1.1") problems.push(`version is \`${String(feed.version)}\`, not 1.1`);
  if (typeof feed.title !== "string" || !feed.title) problems.push("no title");
  for (const key of ["home_page_url", "feed_url"]) if (feed[key] !== undefined && !isUrl(feed[key])) problems.push(`${key} is not a URL`);
  if (feed.language !== undefined && (typeof feed.language !== "string" || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(feed.language)))
    problems.push("language is not a language tag");
  problems.push(...authorsProblems("feed", feed.authors));
  for (const key of Object.keys(feed))
    if (!JSON_FEED_TOP.has(key) && !key.startsWith("_")) problems.push(`unknown top-level key \`${key}\``);
  if (!Array.isArray(feed.items)) return [...problems, "items is not an array"];
  const ids = new Set<string>();
  (feed.items as Node[]).forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (typeof item.id !== "string" || !item.id) problems.push(`${where}: no id`);
    else if (ids.has(item.id)) problems.push(`${where}: id repeats another item's`);
    else ids.add(item.id);
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string")
      problems.push(`${where}: neither content_html nor content_text`);
    for (const key of ["url", "external_url", "image", "banner_image"])
      if (item[key] !== undefined && !isUrl(item[key])) problems.push(`${where}: ${key} is not a URL`);
    for (const key of ["date_published", "date_modified"]) {
      if (item[key] === undefined) continue;
      if (typeof item[key] !== "string" || !RFC3339.test(item[key])) problems.push(`${where}: ${key} is not an RFC 3339 date`);
      else if (item[key].startsWith("1970-01-01")) problems.push(`${where}: ${key} is the epoch`);
    }
    if (item.tags !== undefined && (!Array.isArray(item.tags) || item.tags.some((tag) => typeof tag !== "string")))
      problems.push(`${where}: tags is not a list of strings`);
    problems.push(...authorsProblems(where, item.authors));
    for (const key of Object.keys(item)) {
      if (JSON_FEED_ITEM.has(key)) continue;
      if (!key.startsWith("_")) problems.push(`${where}: unknown key \`${key}\``);
      else if (typeof item[key] !== "object" || item[key] === null) problems.push(`${where}: extension \`${key}\` is not an object`);
    }
  });
  return problems;
}
