/**
 * Helpers for the importer's tests: copies of the default collection's kept
 * pages and vocabulary (test/fixtures/import, so that editors' changes to
 * content/ never change what these tests expect),
 * temporary project roots, and the accounting check that every test of a
 * source shares.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { splitSource } from "../../src/records/read-sources.ts";
import type { ImportResult } from "../../src/import/index.ts";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A project holding the kept pages and the vocabulary the tests were written against. */
export const FIXTURE_ROOT = path.join(REPO, "test/fixtures/import");

/** The kept copies of the default collection, by original file name prefix (`000`, `001`, ...). */
export const SHARED = {
  "000": { file: "content/sources/fight-back-news/000_13d7cb072fd26c42.md", publication: "Fight Back! News" },
  "001": { file: "content/sources/in-defense-of-marxism/001_b0e13c341f2f5540.md", publication: "In Defense of Marxism" },
  "002": {
    file: "content/sources/international-workers-organizer/002_a16436bbd3ff6dd7.md",
    publication: "International Workers Organizer",
  },
  "004": { file: "content/sources/peoples-dispatch/004_f9e21679d1a1e6f1.md", publication: "Peoples Dispatch" },
} as const;

/** Every kept source page of the fixture. */
export async function keptSources(): Promise<string[]> {
  const entries = await readdir(path.join(FIXTURE_ROOT, "content/sources"), { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => path.posix.join("content/sources", entry.split(path.sep).join("/")))
    .sort();
}

/** A fresh project root with the fixture's tag vocabulary. */
export async function tempRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-import-"));
  await mkdir(path.join(root, "content"), { recursive: true });
  await copyFile(path.join(FIXTURE_ROOT, "content/tags.yml"), path.join(root, "content/tags.yml"));
  return root;
}

/** The raw page a kept copy was made from, written out as `<dir>/<name>.txt`. */
export async function rawPage(keptFile: string, dir: string): Promise<string> {
  const parts = splitSource(await readFile(path.join(FIXTURE_ROOT, keptFile), "utf8"));
  if (!parts) throw new Error(`${keptFile} has no header`);
  const raw = path.join(dir, `${path.basename(keptFile, ".md")}.txt`);
  await writeFile(raw, parts.verbatim);
  return raw;
}

/** Writes a made-up page to a temporary file and returns its path. */
export async function writePage(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const PLACEHOLDER_WORDS = "amber anchor arrow atlas aspen alder agate acorn willow walnut wagon wheat".split(" ");

/**
 * A sentence of placeholder words standing for an article's text (no news
 * text is written for a test): `count` words, the `shift`-th of its kind;
 * `stride` picks the words, so that two strides give different paragraphs.
 */
export function placeholderParagraph(shift: number, { count = 40, stride = 7 }: { count?: number; stride?: number } = {}): string {
  return `${Array.from({ length: count }, (_, i) => PLACEHOLDER_WORDS[(i * stride + shift) % PLACEHOLDER_WORDS.length])
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Lists of placeholder words, one per letter, for pages whose items must not share words. */
export const PLACEHOLDER_LISTS = {
  A: "amber anchor arrow atlas aspen alder agate acorn".split(" "),
  B: "willow walnut wagon wheat whistle window winter wizard".split(" "),
  C: "copper cotton candle carpet castle cedar cider cobalt".split(" "),
  D: "dolphin dragon drum dune dusk dahlia daisy denim".split(" "),
  E: "ember eagle easel elbow elder emerald engine envoy".split(" "),
} as const;

/** `count` words of `list`, in turn, the first capitalised, then `end`. */
export function placeholderWords(list: readonly string[], count: number, end = ""): string {
  const out = Array.from({ length: count }, (_, i) => list[i % list.length]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(" ")}${end}`;
}

/** Letters and digits only, lower case: lines and records compare whatever the markup and hyphenation. */
export function squash(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\\([^\s])/g, "$1")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Every non-blank line of each source is in exactly one record (whose range
 * covers it and whose text holds it) or dropped with a reason.
 */
export async function expectEveryLineAccounted(result: ImportResult, root: string): Promise<void> {
  const byId = new Map(result.records.map((record) => [record.id!, record]));
  for (const report of result.reports) {
    expect(report.problems, `${report.source}: accounting problems`).toEqual([]);
    const parts = splitSource(await readFile(path.join(root, report.source), "utf8"));
    expect(parts, `${report.source} has its header`).toBeDefined();
    const headerLines = parts!.headerText.split("\n").length - 1;
    const text = new Map<number, string>();
    parts!.verbatim.split("\n").forEach((line, index) => text.set(headerLines + index + 1, line));
    const owners = new Map<number, number>();
    const partial = new Map(report.dropped.filter((entry) => entry.partial).map((entry) => [entry.line, entry.text]));
    for (const record of report.records) {
      const full = byId.get(record.id)!;
      expect(full.source!.lines).toEqual(record.lines);
      const content = squash([full.title, full.summary ?? "", full.body].join(" "));
      for (const { line, role } of record.consumed) {
        owners.set(line, (owners.get(line) ?? 0) + 1);
        expect(line).toBeGreaterThanOrEqual(record.lines[0]);
        expect(line).toBeLessThanOrEqual(record.lines[1]);
        const lineText = text.get(line) ?? "";
        if (role === "date") expect(full.date, `${report.source}:${line} is the date of ${record.id}`).toBeDefined();
        else if (role === "byline")
          expect(full.authors?.length, `${report.source}:${line} is the byline of ${record.id}`).toBeGreaterThan(0);
        else {
          // A word cut by a hyphen at the end of a column is rejoined in the record.
          const kept = partial.has(line) ? lineText.slice(0, lineText.lastIndexOf(partial.get(line)!)) : lineText;
          const wanted = squash(kept.replace(/-(\**)\s*$/, "$1"));
          expect(content.includes(wanted), `${report.source}:${line} (“${lineText.trim()}”) is in ${record.id}`).toBe(true);
        }
      }
    }
    for (const entry of report.dropped) {
      if (entry.partial) continue;
      owners.set(entry.line, (owners.get(entry.line) ?? 0) + 1);
      expect(entry.reason, `${report.source}:${entry.line} has a reason`).not.toBe("");
      expect(entry.reason).not.toMatch(/not recognised/);
    }
    for (const [line, value] of text) {
      if (value.trim() === "") continue;
      expect(owners.get(line), `${report.source}:${line} (“${value.trim()}”) is accounted for exactly once`).toBe(1);
    }
  }
}
