/**
 * What a shard of a sharded build hands the merge (README, "Sharded builds"):
 * its folder holds the pages of its articles, their citation files and its
 * part of the data exports, and `shard.json` names the shard, its articles in
 * archive order, and the files that are the merge's to take. The merge checks
 * that the shards it is given are every shard of the archive it loaded, cut
 * as it cuts it (src/archive/shards.ts), before it copies anything.
 */
import { readFileSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ArticleEntry } from "../../records/article-record.ts";
import { cutIntoShards, parseShardSpec, shardName, type ShardSpec } from "../../archive/shards.ts";
import { forEachLimited } from "../../lib/limited-concurrency.ts";

export const SHARD_MANIFEST = "shard.json";

const ShardManifestSchema = z.strictObject({
  /** `K/N`. */
  shard: z.string(),
  /** The shard's article ids, in archive order. */
  articles: z.array(z.string()),
  /** The files the merge takes, relative to the shard's folder, with `/`. */
  files: z.array(z.string()),
});

export type ShardManifest = z.infer<typeof ShardManifestSchema>;

export async function writeShardManifest(
  output: string,
  spec: ShardSpec,
  articles: readonly ArticleEntry[],
  files: readonly string[],
): Promise<void> {
  const manifest: ShardManifest = { shard: shardName(spec), articles: articles.map((article) => article.id), files: [...files].sort() };
  await writeFile(path.join(output, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
}

/** A shard folder's manifest, checked: a folder that is not a shard's output, or a file it names outside it, is an error naming it. */
function readShardManifest(folder: string): ShardManifest & { spec: ShardSpec; folder: string } {
  const file = path.join(folder, SHARD_MANIFEST);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `Cannot \`merge\` \`${folder}\`: it has no readable \`${SHARD_MANIFEST}\` (${(error as Error).message}); give the output folders of \`npm run build -- --shard K/N\``,
      { cause: error },
    );
  }
  const parsed = ShardManifestSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `Cannot \`merge\` \`${file}\`: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`).join("; ")}`,
    );
  for (const name of parsed.data.files) {
    if (path.isAbsolute(name) || name.split("/").includes("..") || name.includes("\\"))
      throw new Error(`Cannot \`merge\` \`${file}\`: it names \`${name}\`, a file outside its folder`);
  }
  return { ...parsed.data, spec: parseShardSpec(parsed.data.shard), folder };
}

/**
 * The shards' manifests in shard order, once each of `1/N` … `N/N` is
 * there and holds the articles this archive's shard holds; an error naming
 * what is missing or different otherwise.
 */
export function readShards(folders: readonly string[], articles: readonly ArticleEntry[]): Array<ShardManifest & { folder: string }> {
  if (!folders.length) throw new Error("Cannot `merge`: give the output folders of the shards (`npm run build -- --merge DIR...`)");
  const manifests = folders.map(readShardManifest);
  const count = manifests[0]!.spec.count;
  const byIndex = new Map<number, (typeof manifests)[number]>();
  for (const manifest of manifests) {
    if (manifest.spec.count !== count)
      throw new Error(
        `Cannot \`merge\`: \`${manifest.folder}\` is shard ${manifest.shard}, but \`${manifests[0]!.folder}\` is shard ${manifests[0]!.shard}; give the shards of one cut`,
      );
    const other = byIndex.get(manifest.spec.index);
    if (other) throw new Error(`Cannot \`merge\`: \`${other.folder}\` and \`${manifest.folder}\` are both shard ${manifest.shard}`);
    byIndex.set(manifest.spec.index, manifest);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length)
    throw new Error(
      `Cannot \`merge\`: shard${missing.length > 1 ? "s" : ""} ${missing.map((index) => `${index}/${count}`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing`,
    );
  const expected = cutIntoShards(articles, count);
  return expected.map((part, i) => {
    const manifest = byIndex.get(i + 1)!;
    const ids = part.map((article) => article.id);
    if (ids.length !== manifest.articles.length || ids.some((id, at) => manifest.articles[at] !== id)) {
      throw new Error(
        `Cannot \`merge\`: shard ${manifest.shard} in \`${manifest.folder}\` holds ${manifest.articles.length} articles, where this archive's shard ${manifest.shard} holds ${ids.length}${ids.length === manifest.articles.length ? " others" : ""}; build every shard from the same articles`,
      );
    }
    return manifest;
  });
}

/** Copies the files each shard hands over into `output`; answers them, relative to it. */
export async function copyShardFiles(shards: ReadonlyArray<ShardManifest & { folder: string }>, output: string): Promise<string[]> {
  const copies = shards.flatMap((shard) => shard.files.map((file) => ({ from: path.join(shard.folder, file), file })));
  await forEachLimited([...new Set(copies.map(({ file }) => path.dirname(path.join(output, file))))], (folder) =>
    mkdir(folder, { recursive: true }),
  );
  await forEachLimited(copies, async ({ from, file }) => {
    try {
      await copyFile(from, path.join(output, file));
    } catch (error) {
      throw new Error(
        `Cannot \`merge\`: \`${from}\` is named in its shard's \`${SHARD_MANIFEST}\` but cannot be copied (${(error as NodeJS.ErrnoException).code ?? String(error)}); build that shard again`,
        { cause: error },
      );
    }
  });
  return copies.map(({ file }) => file);
}
