/** The caches' files: replaced in one step, leaving no temporary file, and read back only when whole. */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkedText, withChecksum, writeFileAtomically } from "../../src/records/cache-files.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

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
});
