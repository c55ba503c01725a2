/**
 * Two folders compared file by file, byte for byte: which files only one
 * holds, which differ, and for a text file the first line that differs.
 */
import { readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../lib/list-files.ts";
import { canonicalPagefindFiles, isUnstablePagefindFile } from "./pagefind-canonical.ts";

export interface FolderDifference {
  /** The file's path inside both folders, with `/`. */
  file: string;
  kind: "only in base" | "only in head" | "differs";
  /** For a file that differs: its sizes, and the first line that differs when both are text. */
  detail?: string;
}

export interface FolderComparison {
  /** Files present in both folders and compared. */
  compared: number;
  differences: FolderDifference[];
}

/** Longest line quoted in a difference: enough to recognise it. */
const QUOTED = 160;

const quote = (line: string) => JSON.stringify(line.length > QUOTED ? `${line.slice(0, QUOTED)}…` : line);

/** Whether bytes look like text: no NUL byte and valid UTF-8. */
function asText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where two different files first part: their sizes, and the first line that differs when both are text. */
export function describeDifference(base: Buffer, head: Buffer): string {
  const sizes = `${base.length} bytes, now ${head.length}`;
  const [baseText, headText] = [asText(base), asText(head)];
  if (baseText === undefined || headText === undefined) return sizes;
  const [baseLines, headLines] = [baseText.split("\n"), headText.split("\n")];
  let line = 0;
  while (line < baseLines.length && line < headLines.length && baseLines[line] === headLines[line]) line += 1;
  const was = line < baseLines.length ? quote(baseLines[line]!) : "(end of file)";
  const now = line < headLines.length ? quote(headLines[line]!) : "(end of file)";
  return `${sizes}; line ${line + 1} was ${was}, now ${now}`;
}

/** A folder's files as compared: a file's bytes, a link's target, a Pagefind file's stable form (pagefind-canonical.ts). */
function comparable(folder: string): Map<string, () => Buffer> {
  const { files, links } = listFiles(folder);
  const read = (file: string) => readFileSync(path.join(folder, file));
  const entries = new Map<string, () => Buffer>();
  for (const file of files) if (!isUnstablePagefindFile(file)) entries.set(file, () => read(file));
  for (const link of links) entries.set(link, () => Buffer.from(`a symbolic link to ${readlinkSync(path.join(folder, link))}`));
  for (const [name, bytes] of canonicalPagefindFiles(files.filter(isUnstablePagefindFile), read)) entries.set(name, () => bytes);
  return entries;
}

/**
 * Compares every file under `base` with the file of the same path under
 * `head`, byte for byte; a symbolic link by where it points; the files of a
 * Pagefind index that change from build to build by their decoded content.
 */
export function compareFolders(base: string, head: string): FolderComparison {
  const [before, after] = [comparable(base), comparable(head)];
  const differences: FolderDifference[] = [];
  let compared = 0;
  for (const [file, readBefore] of before) {
    const readAfter = after.get(file);
    if (!readAfter) {
      differences.push({ file, kind: "only in base" });
      continue;
    }
    compared += 1;
    const [a, b] = [readBefore(), readAfter()];
    if (!a.equals(b)) differences.push({ file, kind: "differs", detail: describeDifference(a, b) });
  }
  for (const file of after.keys()) if (!before.has(file)) differences.push({ file, kind: "only in head" });
  return { compared, differences: differences.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)) };
}
