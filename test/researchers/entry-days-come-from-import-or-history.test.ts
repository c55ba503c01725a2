/**
 * The day an article entered the archive: its source's `retrieved` day, else
 * the day of the commit that added its file, else the day the file was written.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEntryDays } from "../../src/archive/entry-days.ts";
import type { SourcePage } from "../../src/archive/source-pages.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";

let root: string;
const git = (...args: string[]) => {
  const result = spawnSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.org",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.org",
      GIT_COMMITTER_DATE: "2024-03-05T12:00:00Z",
      GIT_AUTHOR_DATE: "2020-01-01T12:00:00Z",
    },
  });
  if (result.status !== 0) throw new Error(result.stderr);
};
const record = (id: string, source?: string) =>
  ({
    id,
    file: `content/articles/p/${id}.md`,
    ...(source ? { source: { file: source, sha256: "0".repeat(64), lines: [1, 2] } } : {}),
  }) as unknown as ArticleRecord;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "hemeroteca-entry-days-"));
  mkdirSync(path.join(root, "content/articles/p"), { recursive: true });
  for (const id of ["committed", "imported", "new"]) writeFileSync(path.join(root, `content/articles/p/${id}.md`), "x\n");
  git("init", "-q");
  git("add", "content/articles/p/committed.md", "content/articles/p/imported.md");
  git("commit", "-q", "-m", "add");
  utimesSync(path.join(root, "content/articles/p/new.md"), new Date("2025-06-07T10:00:00Z"), new Date("2025-06-07T10:00:00Z"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("readEntryDays", () => {
  it("takes the import record's day, then the commit's, then the file's", async () => {
    const sources = [{ file: "content/sources/p/page.md", header: { retrieved: "2023-02-01" } }] as unknown as SourcePage[];
    const days = await readEntryDays(
      root,
      "content/articles",
      [record("committed"), record("imported", "content/sources/p/page.md"), record("new")],
      sources,
    );
    expect(Object.fromEntries(days)).toEqual({ committed: "2024-03-05", imported: "2023-02-01", new: "2025-06-07" });
  });

  it("takes the file's day outside a git work tree", async () => {
    rmSync(path.join(root, ".git"), { recursive: true, force: true });
    utimesSync(path.join(root, "content/articles/p/committed.md"), new Date("2022-01-02T10:00:00Z"), new Date("2022-01-02T10:00:00Z"));
    const days = await readEntryDays(root, "content/articles", [record("committed")], []);
    expect(days.get("committed")).toBe("2022-01-02");
  });
});
