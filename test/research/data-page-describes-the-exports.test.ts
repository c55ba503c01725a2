/**
 * `/data/`: the page researchers find the exports by names every field the
 * exports hold, and its example queries run on the archive's own SQLite file
 * and find articles.
 */
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResearchSite, type ResearchSite } from "./research-site.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

let site: ResearchSite;
let page: Node;

beforeAll(() => {
  site = buildResearchSite();
  page = parse(readFileSync(site.file("/data/index.html"), "utf8"));
});
afterAll(() => site?.remove());

function elements(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const children = "childNodes" in node ? node.childNodes : [];
  if ("tagName" in node && node.tagName === tag) found.push(node);
  for (const child of children) found.push(...elements(child, tag));
  if ("content" in node && node.content) found.push(...elements(node.content, tag));
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

describe("the data page", () => {
  it("describes every field the JSON Lines export holds", () => {
    const described = elements(page, "dt").map(textOf);
    const exported = new Set<string>();
    for (const line of readFileSync(site.file("/data/archive.jsonl"), "utf8").split("\n").filter(Boolean)) {
      for (const key of Object.keys(JSON.parse(line) as object)) exported.add(key);
    }
    expect(exported.size).toBeGreaterThan(10);
    for (const key of exported) expect(described, key).toContain(key);
    expect(elements(page, "dd").every((dd) => textOf(dd).trim().length > 0)).toBe(true);
  });

  it("links to each file", () => {
    const links = elements(page, "a").map((a) => a.attrs.find((attr) => attr.name === "href")?.value);
    expect(links).toEqual(expect.arrayContaining(["/data/archive.jsonl", "/data/archive.csv", "/data/archive.sqlite"]));
  });

  it("gives queries that run on the archive's SQLite file and each find articles", () => {
    const [code] = elements(page, "pre").flatMap((pre) => elements(pre, "code"));
    const statements = textOf(code!).split(";").map((statement) => statement.trim()).filter((statement) => statement.replace(/^--.*$/gm, "").trim());
    expect(statements.length).toBe(3);
    const db = new Database(site.file("/data/archive.sqlite"), { readonly: true });
    try {
      for (const statement of statements) expect(db.prepare(statement).all().length, statement).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
