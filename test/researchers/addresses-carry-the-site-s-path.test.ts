/**
 * Built with `SITE_URL` below a path, every absolute address the site writes
 * (exports, citations, feeds, sitemap, JSON-LD, canonical links) carries the
 * path; built without, no file claims a host such as localhost, addresses are
 * site-relative, and the build says once that absolute ones need `SITE_URL`.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../support/build-site.ts";
import { atomProblems, jsonFeedProblems } from "../support/feed-rules.ts";
import { FIXTURE, FIXTURE_IDS, RESEARCH_ARTICLES } from "./research-site.ts";

// A host no article of the fixture was published on, so every address on it is the site's own.
const SITE_URL = "https://archive.example.net/archive";
const TEXT_FILES = /\.(?:html|xml|json|jsonl|csv|bib|ris|txt|js|css)$/;
const WARNING = "SITE_URL is not set";
let withUrl: BuildResult;
let without: BuildResult;

const filesOf = (output: string) =>
  readdirSync(output, { recursive: true, encoding: "utf8" }).map((file) => file.split(path.sep).join("/"));
const read = (build: BuildResult, file: string) => readFileSync(path.join(build.output, file), "utf8");

beforeAll(() => {
  withUrl = buildSite(RESEARCH_ARTICLES, { env: { SITE_URL } });
  without = buildSite(RESEARCH_ARTICLES, { env: { SITE_URL: "" } });
  for (const build of [withUrl, without]) if (build.status !== 0) throw new Error(build.stderr);
});
afterAll(() => {
  for (const build of [withUrl, without]) if (build) rmSync(build.output, { recursive: true, force: true });
});

const exportedUrls = (build: BuildResult) => {
  const jsonl = read(build, "data/archive.jsonl")
    .trimEnd()
    .split("\n")
    .map((line) => (JSON.parse(line) as { url: string }).url);
  const [header = [], ...rows] = parse(read(build, "data/archive.csv")) as string[][];
  const csv = rows.map((row) => row[header.indexOf("url")]!);
  const db = new Database(path.join(build.output, "data/archive.sqlite"), { readonly: true });
  const sqlite = (db.prepare("SELECT url FROM articles ORDER BY position").all() as Array<{ url: string }>).map((row) => row.url);
  db.close();
  return { jsonl, csv, sqlite };
};

describe("a site built with SITE_URL below a path", () => {
  it("gives every absolute address on its host the path", () => {
    const stray: string[] = [];
    const holding = new Set<string>();
    for (const file of filesOf(withUrl.output).filter((f) => TEXT_FILES.test(f))) {
      for (const [address] of read(withUrl, file).matchAll(/https?:\/\/archive\.example\.net[^\s"'<>)}\]]*/g)) {
        holding.add(file);
        if (!address.startsWith(`${SITE_URL}/`) && address !== SITE_URL) stray.push(`${file}: ${address}`);
      }
    }
    expect(stray).toEqual([]);
    const article = FIXTURE["police-massacre-in-juliaca"].url.slice(1);
    for (const file of [
      "data/archive.jsonl",
      "data/archive.csv",
      "feed.xml",
      "feed.json",
      "sitemap.xml",
      "robots.txt",
      `${article}index.html`,
      `${article}cite.bib`,
      `${article}cite.ris`,
      `${article}cite.json`,
    ]) {
      expect(holding, file).toContain(file);
    }
  });

  it("exports each article's address with the host and path", () => {
    const { jsonl, csv, sqlite } = exportedUrls(withUrl);
    const expected = jsonl.map((url) => url);
    for (const url of expected) expect(url).toMatch(new RegExp(`^${SITE_URL}/(?:\\d{4}|undated)/`));
    expect(csv).toEqual(expected);
    expect(sqlite).toEqual(expected);
    expect(expected.sort()).toEqual(FIXTURE_IDS.map((id) => `${SITE_URL}${FIXTURE[id].url}`).sort());
  });

  it("cites and lists in the sitemap with the path", () => {
    const id = "police-massacre-in-juliaca";
    expect(JSON.parse(read(withUrl, `${FIXTURE[id].url}cite.json`))[0].URL).toBe(`${SITE_URL}/a/${id}/`);
    expect(read(withUrl, "sitemap.xml")).toContain(`<loc>${SITE_URL}${FIXTURE[id].url}</loc>`);
    expect(read(withUrl, "robots.txt")).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(read(withUrl, `${FIXTURE[id].url}index.html`)).toContain(`"url":"${SITE_URL}${FIXTURE[id].url}"`);
  });

  it("does not warn about SITE_URL", () => {
    expect(withUrl.stderr).not.toContain(WARNING);
  });
});

describe("a site built without SITE_URL", () => {
  it("names no host in any file", () => {
    const claims = filesOf(without.output)
      .filter((f) => TEXT_FILES.test(f))
      .filter((file) => /localhost|127\.0\.0\.1/.test(read(without, file)));
    expect(claims).toEqual([]);
  });

  it("exports, cites and feeds site-relative addresses", () => {
    const { jsonl, csv, sqlite } = exportedUrls(without);
    expect(jsonl.sort()).toEqual(FIXTURE_IDS.map((id) => FIXTURE[id].url).sort());
    expect(csv.sort()).toEqual(jsonl);
    expect(sqlite.sort()).toEqual(jsonl);
    const id = "masacre-en-juliaca";
    expect(JSON.parse(read(without, `${FIXTURE[id].url}cite.json`))[0].URL).toBe(`/a/${id}/`);
    expect(read(without, `${FIXTURE[id].url}cite.ris`)).toContain(`\nUR  - /a/${id}/\n`);
    const page = read(without, `${FIXTURE[id].url}index.html`);
    expect(page).toContain(`<link rel="canonical" href="${FIXTURE[id].url}">`);
  });

  it("keeps its feeds valid, with ids that claim no host", () => {
    for (const file of filesOf(without.output).filter((f) => f.endsWith("feed.xml"))) {
      const atom = read(without, file);
      expect(atomProblems(atom), file).toEqual([]);
      for (const [, id] of atom.matchAll(/<id>([^<]*)<\/id>/g))
        expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    for (const file of filesOf(without.output).filter((f) => f.endsWith("feed.json")))
      expect(jsonFeedProblems(read(without, file)), file).toEqual([]);
  });

  it("has no sitemap, which needs absolute addresses, and says once that they need SITE_URL", () => {
    expect(filesOf(without.output)).not.toContain("sitemap.xml");
    expect(read(without, "robots.txt")).not.toContain("Sitemap:");
    expect(without.stderr.split(WARNING).length - 1).toBe(1);
  });
});
