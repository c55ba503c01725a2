/**
 * The Archive holds each article without its body, and the body is read back
 * from the article's record cache entry when a page, search record or export
 * row needs it (src/records/article-bodies.ts): the same body the record had,
 * none kept in memory once its entry is on disk, and an entry changed since
 * the archive was loaded an error naming the file, never another body.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleBodies, bodiesAt, withBody } from "../../src/records/article-bodies.ts";
import { RecordCache } from "../../src/records/record-cache.ts";
import { recordDigest } from "../../src/records/record-digest.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const bytesOf = (i: number) => new TextEncoder().encode(`article ${i}`);

describe("ArticleBodies", () => {
  it("keeps bodies in memory until their entries are written, then reads them back from there", async () => {
    const records = generatedRecords(5);
    const cache = new RecordCache({ dir: await tempDir("records") });
    const { entries, bodies } = ArticleBodies.split(records);
    expect(entries.every((entry) => !("html" in entry) && !("text" in entry))).toBe(true);
    expect(bodies.inMemory).toBe(5);
    for (const [i, record] of records.entries()) await cache.set(cache.keyOf(record.file, bytesOf(i)), record);
    bodies.settle();
    expect(bodies.inMemory).toBe(0);
    for (const [i, entry] of entries.entries()) {
      expect(bodies.bodyOf(entry)).toEqual({ html: records[i]!.html, text: records[i]!.text });
      expect(recordDigest(withBody(entry, bodies))).toBe(recordDigest(records[i]!));
    }
    // A worker is sent where the bodies are, and reads the same.
    const sent = bodiesAt(
      entries,
      entries.map((entry) => bodies.locationOf(entry)),
    );
    expect(sent.bodyOf(entries[3]!)).toEqual(bodies.bodyOf(entries[3]!));
  });

  it("refuses a body whose entry changed since the archive was loaded, naming the article file", async () => {
    const [record] = generatedRecords(1);
    const dir = await tempDir("records");
    const cache = new RecordCache({ dir });
    const key = cache.keyOf(record!.file, bytesOf(0));
    await cache.set(key, record!);
    const { entries, bodies } = ArticleBodies.split([record!]);
    const location = bodies.locationOf(entries[0]!);
    expect("entry" in location && path.basename(location.entry)).toBe(`${key}.json`);
    // Another whole, checked entry in its place: a record of other text.
    await cache.set(key, { ...record!, text: "Another text." });
    expect(() => bodies.bodyOf(entries[0]!)).toThrow(`Cannot \`read\` the body of \`${record!.file}\``);
    writeFileSync("entry" in location ? location.entry : "", "cut short");
    expect(() => bodies.bodyOf(entries[0]!)).toThrow(/changed during the build/);
  });
});
