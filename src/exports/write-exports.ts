/** Writes the research exports into the built site (`/data/`), after the pages. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { archiveToJsonl } from "./jsonl.ts";

export async function writeExports(archive: Archive, outputDir: string): Promise<void> {
  const dataDir = path.join(outputDir, "data");
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, "archive.jsonl"), archiveToJsonl(archive.articles));
}
