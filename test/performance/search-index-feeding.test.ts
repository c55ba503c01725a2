/**
 * Records are sent to Pagefind without waiting for each answer; the index
 * must be exactly the one a record-by-record feed makes.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/build-archive.ts";
import { listTree } from "../../src/site/output-cache.ts";
import { articleToSearchRecord, writeSearchIndex } from "../../src/site/pagefind-index.ts";
import { generatedRecords } from "../support/generated-records.ts";

const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-feeding-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("feeding Pagefind", () => {
  it("makes, with many records in flight, the same index as one record at a time", async () => {
    const articles = generatedRecords(120);
    const archive = { site: { language: "en" }, articles } as unknown as Archive;
    await writeSearchIndex(archive, path.join(dir, "in-flight"));

    const { index } = await pagefind.createIndex({ forceLanguage: "en" });
    for (const article of articles) expect((await index!.addCustomRecord(articleToSearchRecord(article))).errors).toEqual([]);
    expect((await index!.writeFiles({ outputPath: path.join(dir, "one-by-one") })).errors).toEqual([]);
    await pagefind.close();

    const files = await listTree(path.join(dir, "one-by-one"));
    expect(files.filter((file) => file.startsWith("fragment/")).length).toBe(120);
    expect(await listTree(path.join(dir, "in-flight"))).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all(["in-flight", "one-by-one"].map((name) => readFile(path.join(dir, name, file))));
      expect(a!.equals(b!), file).toBe(true);
    }
  }, 60_000);
});
