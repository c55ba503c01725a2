/** Builds a content folder into a fresh output folder with the project's own Eleventy configuration. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildScriptArgs } from "../../src/bench/build-script.ts";
import { assertSiteTier } from "./tier.ts";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The caches of test builds: outside the checkout, in the run's temporary
 * folder (test/support/temporary-run-folder.ts), so that it goes when the run
 * ends; in the project's own `.cache/` the fixtures' entries would push out
 * the ones of the site the developer builds. One folder per vitest worker
 * (`VITEST_POOL_ID`): the files one worker runs, one after another, share it,
 * while no two builds at the same time do, since a build removes the cached
 * records it did not use.
 */
export const TEST_CACHE = path.join(
  tmpdir(),
  `hemeroteca-test-cache-${createHash("sha256").update(projectRoot).digest("hex").slice(0, 12)}-${process.env.VITEST_POOL_ID ?? "0"}`,
);

export interface BuildResult {
  output: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `articlesDir` is relative to the project root, e.g. `test/fixtures/basic/content/articles`,
 * or absolute (a folder made by a test). `cacheDir` sets the build caches' folder
 * (`HEMEROTECA_CACHE`; default `TEST_CACHE`), `false` turns them off; `args` go to Eleventy.
 */
export function buildSite(
  articlesDir: string,
  options: { output?: string; env?: Record<string, string>; cacheDir?: string | false; args?: string[] } = {},
): BuildResult {
  assertSiteTier("builds a site");
  const output = options.output ?? mkdtempSync(path.join(tmpdir(), "hemeroteca-site-"));
  const cache: Record<string, string> =
    options.cacheDir === false ? { HEMEROTECA_NO_CACHE: "1" } : { HEMEROTECA_CACHE: options.cacheDir ?? TEST_CACHE };
  const result = spawnSync(process.execPath, [...buildScriptArgs(projectRoot), ...(options.args ?? [])], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, HEMEROTECA_ARTICLES: articlesDir, HEMEROTECA_OUTPUT: output, ...cache, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { output, status: result.status, stdout: result.stdout, stderr: result.stderr };
}
