/**
 * The command line, end to end, as `npm run import` runs it: `node
 * scripts/run.mjs import`, the compiled command (made once for the test run).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rawPage, REPO, SHARED, tempRoot } from "./support.ts";

function run(args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/run.mjs", "import", ...args], { cwd: REPO, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let root: string;
let raw: string;
beforeAll(async () => {
  root = await tempRoot();
  raw = await rawPage(SHARED["004"].file, await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-")));
});

describe("npm run import", () => {
  it("--dry-run --json prints the records as a JSON array and writes nothing", async () => {
    const { code, stdout, stderr } = run(["--root", root, "--dry-run", "--json", "--publication", "Peoples Dispatch", raw]);
    expect(code, stderr).toBe(0);
    const records = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(11);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(expect.arrayContaining(["title", "publication", "language", "summary", "id", "source", "body"]));
      expect(record.publication).toBe("Peoples Dispatch");
      expect((record.source as { file: string }).file).toBe("content/sources/peoples-dispatch/004_f9e21679d1a1e6f1.md");
    }
    expect(stderr).toContain("11 articles");
    expect(await readdir(path.join(root, "content"))).toEqual(["tags.yml"]);
  });

  it("--report --json adds the accounting of every line", () => {
    const { code, stdout } = run(["--root", root, "--dry-run", "--json", "--report", "--publication", "Peoples Dispatch", raw]);
    expect(code).toBe(0);
    const { records, reports } = JSON.parse(stdout) as {
      records: unknown[];
      reports: Array<{ dropped: Array<{ line: number; reason: string }> }>;
    };
    expect(records).toHaveLength(11);
    expect(reports[0]!.dropped).toEqual([
      { line: 7, text: "New Peru left", reason: "page header before the first item (site name, tagline or navigation)" },
    ]);
  });

  it("--help explains the flags", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    for (const flag of ["--publication", "--kind", "--dry-run", "--json", "--report", "--force"]) expect(stdout).toContain(flag);
  });

  it("exits non-zero with a clear message on bad input", () => {
    const missing = run(["--root", root, raw]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${raw}: a raw page needs \`--publication NAME\``);
    const kind = run(["--root", root, "--kind", "magazine", "--publication", "X", raw]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("`--kind magazine` is not one of listing, print-issue, article");
    const none = run(["--root", root, "--publication", "X", path.join(root, "no-such-page.txt")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no-such-page.txt: no such file");
  });
});
