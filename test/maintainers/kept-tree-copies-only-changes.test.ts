/**
 * A kept tree put back into the site (output-cache.ts) copies only the files
 * that are missing there or not as kept: a build that changed nothing copies
 * none of the search index's thousands of files.
 */
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputCache } from "../../src/build/cache/output-cache.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";

const tempDir = temporaryFolders();

describe("putting a kept tree back into the site", () => {
  it("copies only the files that are missing or not as kept", async () => {
    const [cacheDir, site] = [await tempDir("kept"), await tempDir("site")];
    const cache = new OutputCache(cacheDir);
    const hash = "a".repeat(64);
    const make = async (folder: string) => {
      for (const file of ["one.txt", "deep/two.txt", "deep/three.txt"]) await putFile(folder, file, `kept ${file}`);
    };
    expect(await cache.restoreOrMake(hash, site, make)).toMatchObject({
      reused: false,
      files: ["deep/three.txt", "deep/two.txt", "one.txt"],
    });
    const changeTimes = async () =>
      Object.fromEntries(
        await Promise.all(
          ["one.txt", "deep/two.txt", "deep/three.txt"].map(async (file) => [file, (await stat(path.join(site, file))).ctimeMs]),
        ),
      );
    const before = await changeTimes();
    // A file written from now on gets a later change time than the ones above (the clock has ticked at the file system's step).
    const probe = path.join(await tempDir("clock"), "probe");
    await waitFor(
      "the file system's clock to move on",
      async () => {
        await writeFile(probe, "");
        return (await stat(probe)).ctimeMs > Math.max(...(Object.values(before) as number[])) ? true : undefined;
      },
      { ms: 10_000 },
    );

    await writeFile(path.join(site, "one.txt"), "KEPT one.txt");
    await rm(path.join(site, "deep/two.txt"));
    expect(await cache.restoreOrMake(hash, site, make)).toMatchObject({ reused: true });
    expect(await readFile(path.join(site, "one.txt"), "utf8")).toBe("kept one.txt");
    expect(await readFile(path.join(site, "deep/two.txt"), "utf8")).toBe("kept deep/two.txt");
    // The untouched file was not copied again: its inode's change time is the same.
    expect((await changeTimes())["deep/three.txt"]).toBe(before["deep/three.txt"]);
    expect((await changeTimes())["one.txt"]).not.toBe(before["one.txt"]);
  });
});
