/**
 * Importing the same page again writes nothing; ids, once given, stay; an
 * article an editor changed is never overwritten unless asked (`--force`).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportError, manifestPathFor } from "../../src/import/index.ts";
import { rawPage, SHARED, tempRoot } from "./support.ts";

let root: string;
let raw: string;
const { file: source, publication } = SHARED["001"];

beforeEach(async () => {
  root = await tempRoot();
  raw = await rawPage(source, await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-")));
});

describe("importing the same page again", () => {
  it("writes nothing new and reports every file unchanged", async () => {
    const first = await importFiles([raw], { root, publication });
    expect(first.files.every((file) => file.status === "created")).toBe(true);
    expect(first.files).toHaveLength(12); // the kept copy, ten articles, the manifest
    const second = await importFiles([raw], { root, publication });
    expect(second.files.map((file) => file.status)).toEqual(first.files.map(() => "unchanged"));
    expect(second.records.map((record) => record.id)).toEqual(first.records.map((record) => record.id));
  });

  it("re-imports from the kept copy, publication from its header, with the same ids", async () => {
    const first = await importFiles([raw], { root, publication });
    const again = await importFiles([path.join(root, source)], { root });
    expect(again.files.every((file) => file.status === "unchanged")).toBe(true);
    expect(again.records.map((record) => record.id)).toEqual(first.records.map((record) => record.id));
  });

  it("records in the manifest every line it dropped, with the reason, as its report gives them", async () => {
    // The Fight Back! News listing has a site name, a page header, read-more links and a placeholder caption.
    const listing = SHARED["000"];
    const first = await importFiles([await rawPage(listing.file, await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-")))], {
      root,
      publication: listing.publication,
    });
    const manifest = JSON.parse(await readFile(path.join(root, manifestPathFor(listing.file)), "utf8"));
    const dropped = first.reports[0]!.dropped;
    expect(dropped.length).toBeGreaterThan(0);
    expect(manifest.dropped).toEqual(dropped.map(({ line, reason, partial }) => ({ line, reason, ...(partial ? { partial } : {}) })));
  });

  it("gives a new article whose derived id is taken a suffix, and keeps the ids it gave before", async () => {
    const first = await importFiles([raw], { root, publication });
    const manifest = JSON.parse(await readFile(path.join(root, manifestPathFor(source)), "utf8"));
    expect(manifest.articles.map((entry: { id: string }) => entry.id)).toEqual(first.records.map((record) => record.id));
    // A second page whose first headline is the same gets a suffixed id.
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
    const other = path.join(dir, "other.txt");
    await writeFile(
      other,
      `${first.records[0]!.title}\n\nA different teaser about the same events in Lima and Cusco, from another outlet.\n`,
    );
    const second = await importFiles([other], { root, publication: "Another Outlet" });
    expect(second.records[0]!.id).toBe(`${first.records[0]!.id}-2`);
    const again = await importFiles([raw], { root, publication });
    expect(again.records[0]!.id).toBe(first.records[0]!.id);
  });
});

describe("an article an editor has changed", () => {
  it("is left as it is, with a message saying how to overwrite it; --force overwrites", async () => {
    const first = await importFiles([raw], { root, publication });
    const article = first.files.find((file) => file.role === "article")!;
    const edited = (await readFile(path.join(root, article.file), "utf8")).replace("language: en", "language: en\nplace: Lima");
    await writeFile(path.join(root, article.file), edited);

    const second = await importFiles([raw], { root, publication });
    const kept = second.files.find((file) => file.file === article.file)!;
    expect(kept.status).toBe("kept-edited");
    expect(second.warnings.join("\n")).toContain(
      `${article.file} was changed by an editor since it was imported; left as it is (run again with --force`,
    );
    expect(await readFile(path.join(root, article.file), "utf8")).toBe(edited);

    // Still recognised as edited on the next run.
    const third = await importFiles([raw], { root, publication });
    expect(third.files.find((file) => file.file === article.file)!.status).toBe("kept-edited");

    const forced = await importFiles([raw], { root, publication, force: true });
    expect(forced.files.find((file) => file.file === article.file)!.status).toBe("updated");
    expect(await readFile(path.join(root, article.file), "utf8")).toBe(article.text);
    const after = await importFiles([raw], { root, publication });
    expect(after.files.every((file) => file.status === "unchanged")).toBe(true);
  });

  it("is not recreated once deleted, unless forced", async () => {
    const first = await importFiles([raw], { root, publication });
    const article = first.files.find((file) => file.role === "article")!;
    await rm(path.join(root, article.file));
    const second = await importFiles([raw], { root, publication });
    expect(second.files.find((file) => file.file === article.file)!.status).toBe("kept-deleted");
    await expect(readFile(path.join(root, article.file), "utf8")).rejects.toThrow();
    const forced = await importFiles([raw], { root, publication, force: true });
    expect(forced.files.find((file) => file.file === article.file)!.status).toBe("created");
  });
});

describe("a dry run and bad input", () => {
  it("a dry run writes nothing", async () => {
    const result = await importFiles([raw], { root, publication, dryRun: true });
    expect(result.written).toBe(false);
    expect(result.records).toHaveLength(10);
    await expect(readFile(path.join(root, source), "utf8")).rejects.toThrow();
  });

  it("refuses a raw page without a publication, naming the file", async () => {
    await expect(importFiles([raw], { root })).rejects.toThrow(ImportError);
    await expect(importFiles([raw], { root })).rejects.toThrow(/needs `--publication NAME`/);
  });

  it("refuses a kept copy whose text was edited, and writes nothing", async () => {
    await importFiles([raw], { root, publication });
    const kept = path.join(root, source);
    await writeFile(kept, (await readFile(kept, "utf8")).replace("Peru:", "Perú:"));
    await expect(importFiles([kept], { root })).rejects.toThrow(/the text below the header has changed since import/);
    // As `npm run check` says it: the file, the line and column of the field, the field.
    await expect(importFiles([kept], { root })).rejects.toThrow(new RegExp(`^${source.replaceAll(".", "\\.")} \\d+:\\d+ sha256: `));
  });

  it("reads a kept copy whose header lines end in CRLF as `npm run check` does, with the same ids", async () => {
    const first = await importFiles([raw], { root, publication });
    const kept = path.join(root, source);
    const text = await readFile(kept, "utf8");
    const headerEnd = text.indexOf("\n---\n") + "\n---\n".length;
    await writeFile(kept, text.slice(0, headerEnd).replaceAll("\n", "\r\n") + text.slice(headerEnd));
    const again = await importFiles([kept], { root, dryRun: true });
    expect(again.records.map((record) => record.id)).toEqual(first.records.map((record) => record.id));
  });

  it("refuses a different page under a kept name unless forced", async () => {
    await importFiles([raw], { root, publication });
    await writeFile(raw, `${await readFile(raw, "utf8")}\nOne more headline\n\nOne more teaser that was not there before.\n`);
    await expect(importFiles([raw], { root, publication })).rejects.toThrow(/already keeps a different page under that name/);
    const forced = await importFiles([raw], { root, publication, force: true });
    expect(forced.records).toHaveLength(11);
  });
});
