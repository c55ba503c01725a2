/**
 * The search index is made the same way every time: the same records give
 * the same files, byte for byte, whatever else the machine is doing. (Records
 * sent to Pagefind without waiting for each answer were taken in another order
 * under load, and the index changed from build to build.)
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/build-archive.ts";
import { listTree } from "../../src/site/output-cache.ts";
import { writeSearchIndex } from "../../src/site/pagefind-index.ts";
import { generatedRecords } from "../support/generated-records.ts";

const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-index-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("writeSearchIndex", () => {
  it("writes the same index, file for file and byte for byte, from the same records", async () => {
    const archive = { site: { language: "en" }, articles: generatedRecords(120) } as unknown as Archive;
    await writeSearchIndex(archive, path.join(dir, "first"));
    await writeSearchIndex(archive, path.join(dir, "second"));

    const files = await listTree(path.join(dir, "first"));
    expect(files.filter((file) => file.startsWith("fragment/")).length).toBe(120);
    expect(files.some((file) => file.startsWith("filter/"))).toBe(true);
    expect(await listTree(path.join(dir, "second"))).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all(["first", "second"].map((name) => readFile(path.join(dir, name, file))));
      expect(a!.equals(b!), file).toBe(true);
    }
  }, 60_000);
});
