/**
 * What the importer last wrote for one source, kept beside it as
 * `content/sources/<publication>/.<name>.import.json` (a dotfile, so `npm run
 * check` does not take it for a source). For each article it records the id
 * (frozen once given), the source lines it came from, and the sha256 of the
 * file as written: an article file whose bytes no longer match was changed
 * by an editor and is not overwritten without `--force`. It also records
 * each line the importer left out and why, which the source's page on the
 * site shows (src/archive/source-pages.ts).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ImportError } from "./import-error.ts";

const ManifestSchema = z.object({
  importer: z.literal(1),
  source: z.string(),
  sha256: z.string(),
  articles: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: z.string(),
      lines: z.tuple([z.number().int(), z.number().int()]),
      sha256: z.string(),
    }),
  ),
  /** Absent from manifests written before it was recorded. */
  dropped: z.array(z.object({ line: z.number().int(), reason: z.string(), partial: z.literal(true).optional() })).optional(),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = Manifest["articles"][number];

/** The manifest of a source, or undefined: for readers that go on without it (the build). */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const result = ManifestSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function manifestPathFor(sourceFile: string): string {
  const directory = path.posix.dirname(sourceFile);
  const name = path.posix.basename(sourceFile).replace(/\.md$/, "");
  return `${directory}/.${name}.import.json`;
}

export async function readManifest(root: string, sourceFile: string): Promise<Manifest | undefined> {
  const file = manifestPathFor(sourceFile);
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${file}: the import manifest is not valid JSON; delete it to start over (ids will be derived again)`, {
      cause: error,
    });
  }
  const result = ManifestSchema.safeParse(data);
  if (!result.success) throw new ImportError(`${file}: the import manifest is not in the expected form; delete it to start over`);
  return result.data;
}

export function manifestToText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
