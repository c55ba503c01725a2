/**
 * Every feed of the research fixture, built below a path, is valid Atom (RFC
 * 4287's MUSTs) and JSON Feed 1.1; a feed lists every article, dated or not,
 * by the day it entered the archive, with the article's own date apart; and
 * no page links a feed that is missing or empty.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atomProblems, jsonFeedProblems } from "../support/feed-rules.ts";
import { buildResearchSite, FIXTURE, FIXTURE_IDS, type ResearchSite } from "./research-site.ts";

const SITE_URL = "https://archive.example.org/sub";
let site: ResearchSite;
let files: string[];

beforeAll(() => {
  site = buildResearchSite({ env: { SITE_URL } });
  files = readdirSync(site.output, { recursive: true, encoding: "utf8" }).map((file) => file.split(path.sep).join("/"));
});
afterAll(() => site?.remove());

const read = (file: string) => readFileSync(path.join(site.output, file), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "author", "category", "link"].includes(name),
});
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  content: { "#text": string };
  author: Array<{ name: string }>;
  category?: Array<{ "@term": string }>;
}
const atomEntries = (file: string) => (parser.parse(read(file)) as { feed: { entry?: AtomEntry[] } }).feed.entry ?? [];

describe("the feed rules", () => {
  it("catch what the archive's feeds once had wrong", () => {
    const old = [
      '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.org/</id><title>T</title>',
      "<updated>1970-01-01T00:00:00.000Z</updated>",
      '<entry><id>https://e.org/x/</id><title type="html">X</title><updated>2023-01-09T00:00:00.000Z</updated><link href="https://e.org/x/"/><category label="strike"/></entry>',
      "</feed>",
    ].join("");
    expect(atomProblems(old)).toEqual([
      "feed: atom:updated is the epoch, not a date of the archive",
      "entry 1: atom:category without term".replace("atom:category", "an atom:category"),
      "entry 1: no atom:author, and the feed has none",
    ]);
    expect(
      jsonFeedProblems(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1",
          title: "T",
          items: [{ id: "x", content_html: "", author: { name: "A" }, date_published: "1970-01-01T00:00:00.000Z" }],
        }),
      ),
    ).toEqual(["version is `https://jsonfeed.org/version/1`, not 1.1", "item 1: date_published is the epoch"]);
  });
});

describe("the research fixture's feeds", () => {
  it("are valid Atom and JSON Feed 1.1, every one", () => {
    const atom = files.filter((file) => file.endsWith("feed.xml"));
    const json = files.filter((file) => file.endsWith("feed.json"));
    expect(atom.length).toBeGreaterThan(5);
    expect(json.map((file) => file.replace(/json$/, "xml")).sort()).toEqual([...atom].sort());
    for (const file of atom) expect(atomProblems(read(file)), file).toEqual([]);
    for (const file of json) expect(jsonFeedProblems(read(file)), file).toEqual([]);
  });

  it("are linked only where they exist and hold entries", () => {
    const linked = new Set<string>();
    for (const page of files.filter((file) => file.endsWith(".html"))) {
      for (const [, href] of read(page).matchAll(/href="([^"]*feed\.(?:xml|json))"/g)) linked.add(href!);
    }
    expect(linked.size).toBeGreaterThan(5);
    for (const href of linked) {
      expect(href.startsWith("/sub/"), href).toBe(true);
      const file = href.slice("/sub/".length);
      expect(files, href).toContain(file);
      if (file.endsWith(".xml")) expect(atomEntries(file).length, href).toBeGreaterThan(0);
      else expect((JSON.parse(read(file)) as { items: unknown[] }).items.length, href).toBeGreaterThan(0);
    }
  });

  it("list every article, dated or not, latest entered first, under its permanent address", () => {
    const entries = atomEntries("feed.xml");
    expect(entries.map((entry) => entry.id).sort()).toEqual(FIXTURE_IDS.map((id) => `${SITE_URL}/a/${id}/`).sort());
    const updated = entries.map((entry) => entry.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const entry of entries) {
      expect(entry.published).toBe(entry.updated);
      expect(entry.author.length).toBeGreaterThan(0);
    }
  });

  it("give each article's own date and publication apart from the day it entered", () => {
    const atom = atomEntries("feed.xml");
    const json = JSON.parse(read("feed.json")) as {
      language: string;
      items: Array<{ id: string; date_published: string; content_html: string; _hemeroteca: { date: string | null } }>;
    };
    expect(json.language).toBe("en");
    for (const id of FIXTURE_IDS) {
      const entry = atom.find((e) => e.id === `${SITE_URL}/a/${id}/`)!;
      const item = json.items.find((i) => i.id === `${SITE_URL}/a/${id}/`)!;
      expect(item.date_published).toBe(entry.updated);
      expect(item._hemeroteca.date).toBe(FIXTURE[id].date);
      expect(entry.content["#text"]).toMatch(
        FIXTURE[id].date
          ? /^<p>Published in <i>[^<]+<\/i>, <time datetime="[\d-]+">[^<]+<\/time>\.<\/p>/
          : /^<p>Published in <i>[^<]+<\/i>, undated\.<\/p>/,
      );
      expect(item.content_html.split("\n")[0]).toBe(entry.content["#text"].split("\n")[0]);
    }
  });

  it("give an entry without a byline its publication as author", () => {
    const entry = atomEntries("feed.xml").find((e) => e.id.endsWith("/a/castillo-elected-president-of-peru/"))!;
    expect(entry.author.map((a) => a.name)).toEqual(["Workers World"]);
  });
});
