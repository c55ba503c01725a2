/**
 * The merge of a sharded build (`npm run build -- --merge DIR...`): the data
 * exports of the whole archive made from those of its shards, each a run of
 * archive order (src/archive/shards.ts), given in shard order. JSON Lines, RIS
 * and the CSV rows are joined as they are, BibTeX with the blank line that
 * parts it; the SQLite databases are attached and their rows copied, and the
 * full-text index made once over all of them, as a single build makes it, so
 * every file has the bytes a single build writes. No article body is read.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { csvHeader } from "./csv.ts";
import { EXPORT_FILES, writeExportFiles } from "./write-exports.ts";

/** Each shard's export files, checked to be there: the merge names the one missing rather than writing a short export. */
function partFiles(parts: readonly string[]): Array<Record<(typeof EXPORT_FILES)[number], string>> {
  return parts.map((part) => {
    const files = Object.fromEntries(EXPORT_FILES.map((file) => [file, path.join(part, file)])) as Record<
      (typeof EXPORT_FILES)[number],
      string
    >;
    for (const file of Object.values(files))
      if (!existsSync(file))
        throw new Error(
          `Cannot \`merge\` the exports: the shard folder \`${part}\` has no \`${path.relative(part, file)}\`; build that shard again`,
        );
    return files;
  });
}

/** Writes the data files of `archive` into `outputDir` from its shards' (`parts`, in shard order). */
export async function mergeExports(
  parts: readonly string[],
  archive: Pick<Archive, "articles" | "site">,
  outputDir: string,
): Promise<void> {
  const files = partFiles(parts);
  const header = Buffer.from(csvHeader());
  await writeExportFiles(archive, outputDir, ({ jsonl, csv, bib, ris, database }) => {
    csv.write(header);
    let rows = 0;
    let bibStarted = false;
    for (const [index, part] of files.entries()) {
      jsonl.append(part["data/archive.jsonl"]);
      const partHeader = readFileSync(part["data/archive.csv"]).subarray(0, header.length);
      if (!partHeader.equals(header))
        throw new Error(
          `Cannot \`merge\` \`${part["data/archive.csv"]}\`: its header is not this code's; build every shard with the same code`,
        );
      csv.append(part["data/archive.csv"], header.length);
      // Entries are parted by a line feed (archiveToBibtex): one between the parts too, unless one is empty.
      if (statSync(part["data/archive.bib"]).size > 0) {
        if (bibStarted) bib.write("\n");
        bib.append(part["data/archive.bib"]);
        bibStarted = true;
      }
      ris.append(part["data/archive.ris"]);
      rows += database.addRowsOf(part["data/archive.sqlite"], archive.articles);
      if (index === files.length - 1 && rows !== archive.articles.length) {
        throw new Error(
          `Cannot \`merge\` the exports: the shards' databases hold ${rows} articles, the archive ${archive.articles.length}; build every shard of this archive again`,
        );
      }
    }
  });
}
