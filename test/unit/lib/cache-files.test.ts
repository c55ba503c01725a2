/** The caches' files: replaced in one step, leaving no temporary file, and read back only when whole. */
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkedText, removeFolder, withChecksum, writeFileAtomically } from "../../../src/lib/cache-files.ts";
import { temporaryFolders } from "../../support/temp-dirs.ts";

const folder = temporaryFolders();

describe("cache files", () => {
  it("replace a file in one step and leave nothing beside it", async () => {
    const dir = await folder("cache-files");
    const file = path.join(dir, "kept.json");
    await writeFile(file, "old");
    await writeFileAtomically(file, "new");
    expect(await readFile(file, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["kept.json"]);
  });

  it("leave nothing behind when the write fails", async () => {
    const dir = await folder("cache-files");
    await expect(writeFileAtomically(path.join(dir, "missing-folder", "kept.json"), "text")).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("read back a checked text only when it is whole and unaltered", () => {
    const kept = withChecksum("line one\nline two");
    expect(checkedText(kept)).toBe("line one\nline two");
    expect(checkedText(withChecksum(""))).toBe("");
    expect(checkedText(kept.slice(0, -3))).toBeUndefined();
    expect(checkedText(kept.replace("one", "1"))).toBeUndefined();
    expect(checkedText("line one\nline two")).toBeUndefined();
    expect(checkedText("")).toBeUndefined();
  });

  it("remove a folder while other builds put a whole new one in its place", async () => {
    const dir = await folder("cache-files");
    const entry = path.join(dir, "entry");
    // Three builds at once, each removing the kept folder and renaming its own into place, as `OutputCache.adopt` does.
    // Removed in place, the walk of one build reached another's new folder and failed ("directory not empty") in
    // several of these rounds.
    const keep = async (build: number, round: number) => {
      const staging = path.join(dir, `staging-${round}-${build}`);
      await mkdir(path.join(staging, "fragment"), { recursive: true });
      await Promise.all(Array.from({ length: 100 }, (_, i) => writeFile(path.join(staging, "fragment", `${i}.txt`), `${build}`)));
      await removeFolder(entry);
      await rename(staging, entry).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
        await removeFolder(staging);
      });
    };
    for (let round = 0; round < 30; round++) {
      await Promise.all([0, 1, 2].map((build) => keep(build, round)));
      expect(await readdir(path.join(entry, "fragment"))).toHaveLength(100);
    }
    expect(await readdir(dir)).toEqual(["entry"]);
    await removeFolder(entry);
    await removeFolder(entry);
    expect(await readdir(dir)).toEqual([]);
  });
});
