/** Two builds of the same content write the same bytes: data exports and citation files alike. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResearchSite, FIXTURE_IDS, type ResearchSite } from "./research-site.ts";

let first: ResearchSite;
let second: ResearchSite;

beforeAll(() => {
  first = buildResearchSite();
  second = buildResearchSite();
});
afterAll(() => {
  first?.remove();
  second?.remove();
});

function exportFiles(site: ResearchSite): string[] {
  return (readdirSync(site.output, { recursive: true }) as string[])
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.startsWith("data/") || /(^|\/)cite\.(bib|ris|json)$/.test(entry))
    .sort();
}

describe("the exports", () => {
  it("are written by both builds, into different folders", () => {
    expect(first.output).not.toBe(second.output);
    const files = exportFiles(first);
    expect(files).toEqual(exportFiles(second));
    expect(files).toEqual(expect.arrayContaining(["data/archive.jsonl", "data/archive.csv", "data/archive.sqlite"]));
    expect(files.filter((f) => f.endsWith("/cite.bib"))).toHaveLength(FIXTURE_IDS.length);
    expect(files.some((f) => f.endsWith(".partial") || f.endsWith(".tmp"))).toBe(false);
  });

  it.each(["data/archive.jsonl", "data/archive.csv", "data/archive.sqlite"])("%s is byte-identical from build to build", (file) => {
    const a = readFileSync(path.join(first.output, file));
    const b = readFileSync(path.join(second.output, file));
    expect(a.length).toBeGreaterThan(0);
    expect(Buffer.compare(a, b), `${file} differs`).toBe(0);
  });

  it("cite.bib, cite.ris and cite.json are byte-identical from build to build", () => {
    const citations = exportFiles(first).filter((f) => !f.startsWith("data/"));
    expect(citations).toHaveLength(FIXTURE_IDS.length * 3);
    for (const file of citations) {
      expect(
        Buffer.compare(readFileSync(path.join(first.output, file)), readFileSync(path.join(second.output, file))),
        `${file} differs`,
      ).toBe(0);
    }
  });

  it("the SQLite file holds no journal and a fixed page size", () => {
    const bytes = readFileSync(path.join(first.output, "data/archive.sqlite"));
    expect(bytes.subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000");
    expect(bytes.readUInt16BE(16)).toBe(4096);
    // Bytes 18-19: file format read/write versions, 1 = rollback journal (not WAL, which would need -wal files beside it).
    expect([bytes[18], bytes[19]]).toEqual([1, 1]);
  });
});
