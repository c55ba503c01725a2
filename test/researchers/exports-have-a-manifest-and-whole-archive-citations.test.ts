/**
 * For reuse: `/data/manifest.json` gives the archive's version (a digest of
 * its content), its licence, its counts and a checksum of every export;
 * `/data/archive.bib` and `/data/archive.ris` hold every article's citation;
 * `/data/` shows the licence the settings give.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { RISParser } from "biblatex-csl-converter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";
import { FIXTURE, FIXTURE_IDS, RESEARCH_ARTICLES } from "./research-site.ts";

const LICENCE = "Texts © their publications; records CC0 <test>";
let project: string;
let build: BuildResult;
const read = (file: string) => readFileSync(path.join(build.output, file));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "hemeroteca-reuse-"));
  cpSync(path.join(projectRoot, RESEARCH_ARTICLES), path.join(project, "content/articles"), { recursive: true });
  writeFileSync(
    path.join(project, "content/site.yml"),
    `title: Hemeroteca\ntagline: An archive of the press\ndata-licence: ${JSON.stringify(LICENCE)}\n`,
  );
  build = buildSite(path.join(project, "content/articles"), { env: { SITE_URL: "https://archive.example.net/x" } });
  if (build.status !== 0) throw new Error(build.stderr);
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  if (build) rmSync(build.output, { recursive: true, force: true });
});

interface Manifest {
  licence: string | null;
  version: string;
  articles: number;
  dated: number;
  undated: number;
  languages: Record<string, number>;
  publications: Record<string, number>;
  files: Array<{ file: string; bytes: number; sha256: string }>;
}

describe("the data of a built archive", () => {
  it("has a manifest with the content's digest as version, the licence, the counts and each export's checksum", () => {
    const manifest = JSON.parse(read("data/manifest.json").toString("utf8")) as Manifest;
    expect(manifest.version).toBe(sha256(read("data/archive.jsonl")));
    expect(manifest.licence).toBe(LICENCE);
    expect(manifest.articles).toBe(FIXTURE_IDS.length);
    expect(manifest.undated).toBe(FIXTURE_IDS.filter((id) => FIXTURE[id].date === null).length);
    expect(manifest.dated + manifest.undated).toBe(manifest.articles);
    expect(manifest.languages).toEqual({
      en: FIXTURE_IDS.filter((id) => FIXTURE[id].language === "en").length,
      es: FIXTURE_IDS.filter((id) => FIXTURE[id].language === "es").length,
    });
    expect(Object.values(manifest.publications).reduce((a, b) => a + b, 0)).toBe(manifest.articles);
    expect(manifest.files.map((f) => f.file)).toEqual(["archive.jsonl", "archive.csv", "archive.sqlite", "archive.bib", "archive.ris"]);
    for (const { file, bytes, sha256: sum } of manifest.files) {
      expect(statSync(path.join(build.output, "data", file)).size, file).toBe(bytes);
      expect(sha256(read(`data/${file}`)), file).toBe(sum);
    }
  });

  it("has every article's citation in archive.bib and archive.ris, as beside its page", () => {
    const bib = read("data/archive.bib").toString("utf8");
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.key).sort()).toEqual([...FIXTURE_IDS].sort());
    const ris = read("data/archive.ris").toString("utf8");
    const result = new RISParser(ris).parse();
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.entries)).toHaveLength(FIXTURE_IDS.length);
    for (const id of FIXTURE_IDS) {
      expect(bib).toContain(read(`${FIXTURE[id].url}cite.bib`).toString("utf8"));
      expect(ris).toContain(read(`${FIXTURE[id].url}cite.ris`).toString("utf8"));
    }
  });

  it("shows the licence on /data/, escaped, and links the new files", () => {
    const page = read("data/index.html").toString("utf8");
    expect(page).toContain("Texts © their publications; records CC0 &lt;test&gt;");
    for (const file of ["archive.bib", "archive.ris", "manifest.json"]) expect(page).toContain(`href="/x/data/${file}"`);
  });
});
