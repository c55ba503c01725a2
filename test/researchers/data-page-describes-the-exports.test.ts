/**
 * `/data/`: the page researchers find the exports by names every field the
 * exports hold, and its example queries run on the archive's own SQLite file
 * and find articles.
 */
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attr, elements, textOf } from "../support/inspect-html.ts";
import { buildResearchSite, type ResearchSite } from "./research-site.ts";

let site: ResearchSite;
type Node = DefaultTreeAdapterMap["node"];

let page: Node;

beforeAll(() => {
  site = buildResearchSite();
  page = parse(readFileSync(site.file("/data/index.html"), "utf8"));
});
afterAll(() => site?.remove());

/** The elements named `tag` under `node`. */
const named = (node: Node, tag: string) => [...elements(node)].filter((element) => element.tagName === tag);

describe("the data page", () => {
  it("describes every field the JSON Lines export holds", () => {
    const described = named(page, "dt").map(textOf);
    const exported = new Set<string>();
    for (const line of readFileSync(site.file("/data/archive.jsonl"), "utf8").split("\n").filter(Boolean)) {
      for (const key of Object.keys(JSON.parse(line) as object)) exported.add(key);
    }
    expect(exported.size).toBeGreaterThan(10);
    for (const key of exported) expect(described, key).toContain(key);
    expect(named(page, "dd").every((dd) => textOf(dd).trim().length > 0)).toBe(true);
  });

  it("links to each file", () => {
    const links = named(page, "a").map((a) => attr(a, "href"));
    expect(links).toEqual(expect.arrayContaining(["/data/archive.jsonl", "/data/archive.csv", "/data/archive.sqlite"]));
  });

  it("gives queries that run on the archive's SQLite file and each find articles", () => {
    const [code] = named(page, "pre").flatMap((pre) => named(pre, "code"));
    const statements = textOf(code!)
      .split(";")
      .map((statement) => statement.trim())
      .filter((statement) => statement.replace(/^--.*$/gm, "").trim());
    expect(statements.length).toBe(3);
    const db = new Database(site.file("/data/archive.sqlite"), { readonly: true });
    try {
      for (const statement of statements) expect(db.prepare(statement).all().length, statement).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
