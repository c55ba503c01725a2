/**
 * Runs every pathological body (pathological-markdown.ts) at each size given
 * through `npm run check` and `npm run build`, one file per run, and prints a
 * JSON line per run: the case, the size, the command, the wall time, the exit
 * status, the first error line and the machine's load average. The results
 * in SECURITY.md ("Bounded work") come from it:
 *
 *   node --import tsx test/support/sweep-pathological.ts 10000 100000 1000000
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildScriptArgs } from "../../src/bench/build-script.ts";
import { pathologicalBodies } from "./pathological-markdown.ts";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));
const FRONT_MATTER = "---\ntitle: A crafted body\npublication: Hostile Press\nlanguage: en\n---\n";
/** Longer than any run should take: a run cut off here is reported as such. */
const CUT_OFF_MS = 300_000;

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
  console.error("Usage: sweep-pathological.ts SIZE... (bytes of each body)");
  process.exit(2);
}
const only = process.env.SWEEP_CASES?.split(",");

function run(command: string[], env: Record<string, string>) {
  const started = performance.now();
  const result = spawnSync(process.execPath, command, {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: CUT_OFF_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - started);
  const output = `${result.stdout}\n${result.stderr}`;
  const error = output
    .split("\n")
    .find((line) => / \d+:\d+ /.test(line) && !/ warning /.test(line))
    ?.trim();
  return {
    ms,
    status: result.status ?? `killed after ${CUT_OFF_MS} ms`,
    error: error ?? (result.status === 0 ? "" : output.trim().split("\n").slice(-3).join(" | ")),
  };
}

for (const size of sizes) {
  for (const [name, body] of Object.entries(pathologicalBodies(size))) {
    if (only && !only.includes(name)) continue;
    const root = mkdtempSync(path.join(tmpdir(), "hemeroteca-sweep-"));
    try {
      const articles = path.join(root, "content", "articles");
      mkdirSync(path.join(articles, "crafted"), { recursive: true });
      writeFileSync(path.join(articles, "crafted", `${name}.md`), FRONT_MATTER + body);
      const check = run(["scripts/run.mjs", "check", "--root", root], {});
      const load = loadavg()[0]!.toFixed(1);
      console.log(JSON.stringify({ case: name, size, command: "check", ...check, load }));
      const build = run(buildScriptArgs(projectRoot), {
        HEMEROTECA_ARTICLES: articles,
        HEMEROTECA_OUTPUT: path.join(root, "_site"),
        HEMEROTECA_NO_CACHE: "1",
      });
      console.log(JSON.stringify({ case: name, size, command: "build", ...build, load: loadavg()[0]!.toFixed(1) }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}
