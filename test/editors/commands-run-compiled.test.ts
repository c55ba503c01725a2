/**
 * `npm run check` and the other commands run their scripts compiled once by
 * scripts/run.mjs instead of through tsx at every start: the compiled copy is
 * made on first use, used again while the sources are the same, and says
 * exactly what the TypeScript run through tsx says.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { cachedParallelParser } from "../../src/records/load-articles.ts";
import { cachePath } from "../../src/lib/cache-registry.ts";
import { checkCli } from "../../src/check/cli.ts";
import { capture } from "./support/temp-project.ts";

const tempDir = temporaryFolders();
/** The compiled copies of this file's runs: made by the first test, used by the others. */
const scriptsCache = tempDir("scripts-cache");

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: projectRoot, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });

describe("commands compiled once", () => {
  it("compiles every script on first use, then starts from the compiled copy, and drops this checkout's older copies", async () => {
    const cache = await scriptsCache;
    const checkout = createHash("sha256").update(projectRoot).digest("hex").slice(0, 8);
    // An older copy of this checkout, and one of another checkout that shares node_modules.
    await mkdir(path.join(cache, `${checkout}-0000000000000000`));
    await mkdir(path.join(cache, "ffffffff-0000000000000000"));
    const first = run(["scripts/run.mjs", "check", "--help"], { HEMEROTECA_SCRIPTS_CACHE: cache });
    expect(first.status, first.stderr).toBe(0);
    const [copy, ...others] = (await readdir(cache)).filter((name) => name.startsWith(checkout));
    expect(others).toEqual([]);
    expect(copy).toMatch(new RegExp(`^${checkout}-[0-9a-f]{16}$`));
    expect(copy).not.toBe(`${checkout}-0000000000000000`);
    expect(await readdir(cache)).toContain("ffffffff-0000000000000000");
    // One compiled copy for every command line in scripts/, and the parse worker compiled with them, which check starts from there.
    const scripts = (await readdir(path.join(projectRoot, "scripts")))
      .filter((name) => name.endsWith(".ts"))
      .map((name) => name.replace(/\.ts$/, ".mjs"));
    expect(scripts).toContain("check.mjs");
    expect((await readdir(path.join(cache, copy!))).sort()).toEqual([...scripts, "workers"].sort());
    expect(await readdir(path.join(cache, copy!, "workers"))).toEqual(["parse-worker.mjs"]);
    expect(await readFile(path.join(cache, copy!, "check.mjs"), "utf8")).toContain(
      JSON.stringify(pathToFileURL(path.join(cache, copy!, "workers", "parse-worker.mjs")).href),
    );
    const made = (await stat(path.join(cache, copy!, "check.mjs"))).mtimeMs;

    const second = run(["scripts/run.mjs", "new", "--help"], { HEMEROTECA_SCRIPTS_CACHE: cache });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Usage: npm run new/m);
    expect((await readdir(cache)).sort()).toEqual([copy, "ffffffff-0000000000000000"].sort());
    expect((await stat(path.join(cache, copy!, "check.mjs"))).mtimeMs).toBe(made);
  });

  // The broken fixture has a mistake of every kind; the project's own collection, dates of every precision.
  it.each(["test/fixtures/broken", "."])("reports what the TypeScript reports, on %s", async (root) => {
    const cache = await scriptsCache;
    const compiled = run(["scripts/run.mjs", "check", "--root", root], { HEMEROTECA_SCRIPTS_CACHE: cache });
    // The TypeScript itself, run here as scripts/check.ts runs it (a process of its own under tsx took seconds to load).
    const typescript = await capture((io) => checkCli(["--root", root], io), projectRoot);
    if (root !== ".") expect(typescript.code).toBe(1);
    expect({ status: compiled.status, stdout: compiled.stdout, stderr: compiled.stderr }).toEqual({
      status: typescript.code,
      stdout: typescript.stdout,
      stderr: typescript.stderr,
    });
  });

  it("keeps the parse budget on the compiled worker: a file that takes longer than the deadline is an error naming it", async () => {
    const cache = await scriptsCache;
    const root = await tempDir("slow-article");
    // Some 700 kB of ordinary paragraphs: far more than 50 ms of parsing on any machine. It is also a file check
    // cannot read, so the rules across files run on a stand-in of it: the file's own error must stay beside them.
    const paragraph = "The strike went on for a *third* week, and the [union](https://example.org/union) called for talks. ".repeat(8);
    const body = Array.from({ length: 900 }, (_, i) => `${i}. ${paragraph}`).join("\n\n");
    await mkdir(path.join(root, "content/articles/press"), { recursive: true });
    await writeFile(
      path.join(root, "content/articles/press/long.md"),
      `---\ntitle: Long\npublication: Press\nlanguage: en\n---\n${body}\n`,
    );
    await writeFile(
      path.join(root, "content/articles/press/short.md"),
      "---\ntitle: Short\npublication: Press\nlanguage: en\n---\nA body.\n",
    );
    const result = run(["scripts/run.mjs", "check", "--root", root], { HEMEROTECA_SCRIPTS_CACHE: cache, HEMEROTECA_PARSE_SECONDS: "0.05" });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("content/articles/press/long.md 6:1 the body is not read");
    expect(result.stdout).toContain("reading it took longer than 0.05 s, the time one file may take");
    expect(result.stdout).not.toContain("short.md");
  });

  it("starts no parse worker when the build's record cache has every article, and one when it lacks one", async () => {
    const cache = await scriptsCache;
    const root = await tempDir("cached-articles");
    const caches = await tempDir("cached-articles-cache");
    const file = (name: string) => path.join(root, "content/articles/press", name);
    await mkdir(path.dirname(file("a.md")), { recursive: true });
    await writeFile(file("a.md"), "---\ntitle: A\npublication: Press\nlanguage: en\n---\nA body.\n");
    await writeFile(file("b.md"), "---\ntitle: B\npublication: Press\nlanguage: en\n---\nAnother body.\n");
    // The record cache as a build leaves it: every file parsed by the same code (on a pool of its own, closed after).
    await cachedParallelParser({ cacheDir: cachePath(caches, "records")!, threads: 1 })(
      ["a.md", "b.md"].map((name) => ({ file: `content/articles/press/${name}`, absolute: file(name) })),
    );
    const workersStarted = () => {
      const result = run(["scripts/run.mjs", "check", "--root", root], {
        HEMEROTECA_SCRIPTS_CACHE: cache,
        HEMEROTECA_CACHE: caches,
        HEMEROTECA_TIMINGS: "1",
      });
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(/^HEMEROTECA_TIMINGS (.*)$/m.exec(result.stderr)![1]!).parseWorkersStarted as number;
    };
    expect(workersStarted()).toBe(0);
    await writeFile(file("b.md"), "---\ntitle: B\npublication: Press\nlanguage: en\n---\nAn edited body.\n");
    expect(workersStarted()).toBe(1);
  });

  it("names the script it has no file for", () => {
    const result = run(["scripts/run.mjs", "nothing-of-the-kind"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("scripts/nothing-of-the-kind.ts");
  });
});
