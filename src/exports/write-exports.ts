/**
 * Writes the data exports into the built site: `/data/archive.jsonl`,
 * `/data/archive.csv`, `/data/archive.sqlite`, the whole archive's citations
 * (`/data/archive.bib`, `/data/archive.ris`) and `/data/manifest.json`, which
 * describes them. Each file is written under a temporary name and renamed
 * when complete, so a failed build never leaves half a file where a reader
 * expects a whole one. The exports worker loads this module alone, without
 * citeproc: the citation files beside each page are write-citation-files.ts's.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { writeFileAtomically } from "../records/cache-files.ts";
import { cslItemToBibtex } from "./bibtex.ts";
import { articleToCslItem, type CitableArticle } from "./csl-item.ts";
import { archiveToCsv } from "./csv.ts";
import { archiveToJsonl } from "./jsonl.ts";
import { cslItemToRis } from "./ris.ts";
import { writeArchiveDatabase } from "./sqlite.ts";

/** The exports the manifest lists, relative to the site. */
export const EXPORT_FILES = ["data/archive.jsonl", "data/archive.csv", "data/archive.sqlite", "data/archive.bib", "data/archive.ris"] as const;
export const MANIFEST_FILE = "data/manifest.json";
/** The data files, relative to the site. */
export const DATA_FILES = [...EXPORT_FILES, MANIFEST_FILE] as const;

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Every article's BibTeX entry, as in its `cite.bib`, in the order given. */
export function archiveToBibtex(archive: { articles: readonly CitableArticle[]; site: Pick<Archive["site"], "baseUrl" | "title"> }): string {
  return archive.articles.map((article) => cslItemToBibtex(articleToCslItem(article, archive), article.parsedDate)).join("\n");
}

/** Every article's RIS record, as in its `cite.ris`, in the order given. */
export function archiveToRis(archive: { articles: readonly CitableArticle[]; site: Pick<Archive["site"], "baseUrl" | "title"> }): string {
  return archive.articles.map((article) => cslItemToRis(articleToCslItem(article, archive), article.parsedDate)).join("");
}

/**
 * `manifest.json`: what the exports hold and which version of the archive:
 * `version` is the sha256 of the JSON Lines export, which changes with any
 * article and with nothing else, and each file has its size and sha256, so
 * a copy can be checked.
 */
async function archiveManifest(archive: Pick<Archive, "articles" | "site">, outputDir: string, jsonl: string): Promise<string> {
  const count = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((value) => [value, values.filter((v) => v === value).length]));
  const files = await Promise.all(EXPORT_FILES.map(async (file) => {
    const bytes = await readFile(path.join(outputDir, file));
    return { file: path.posix.basename(file), bytes: bytes.length, sha256: sha256(bytes) };
  }));
  const manifest = {
    title: archive.site.title,
    description: archive.site.tagline,
    ...(archive.site.baseUrl ? { url: `${archive.site.baseUrl}/` } : {}),
    licence: archive.site.dataLicence ?? null,
    version: sha256(jsonl),
    articles: archive.articles.length,
    dated: archive.articles.filter((article) => article.parsedDate).length,
    undated: archive.articles.filter((article) => !article.parsedDate).length,
    languages: count(archive.articles.map((article) => article.language)),
    publications: count(archive.articles.map((article) => article.publication)),
    files,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes the data files (`DATA_FILES`) under `outputDir`; `jsonl` is `archiveToJsonl(archive.articles, archive.site.baseUrl)` when the caller has it. */
export async function writeExports(archive: Pick<Archive, "articles" | "site">, outputDir: string, jsonl = archiveToJsonl(archive.articles, archive.site.baseUrl)): Promise<void> {
  const [jsonlFile, csv, sqlite, bib, ris] = EXPORT_FILES.map((file) => path.join(outputDir, file)) as [string, string, string, string, string];
  await mkdir(path.dirname(jsonlFile), { recursive: true });
  await writeFileAtomically(jsonlFile, jsonl);
  await writeFileAtomically(csv, archiveToCsv(archive.articles, archive.site.baseUrl));
  writeArchiveDatabase(archive.articles, sqlite, { baseUrl: archive.site.baseUrl, title: archive.site.title, searchLanguage: archive.site.language });
  await writeFileAtomically(bib, archiveToBibtex(archive));
  await writeFileAtomically(ris, archiveToRis(archive));
  await writeFileAtomically(path.join(outputDir, MANIFEST_FILE), await archiveManifest(archive, outputDir, jsonl));
}
