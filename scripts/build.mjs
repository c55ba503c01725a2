/**
 * `npm run build`: Eleventy's own command, plus the two options of a sharded
 * build that Eleventy does not know (README, "Sharded builds"):
 * `--shard K/N` builds one shard, `--merge DIR...` merges the shards' folders.
 * They are handed to the build as HEMEROTECA_SHARD and HEMEROTECA_MERGE (the
 * folders parted by the path delimiter), and the rest to Eleventy as given.
 * `--plan-shards` prints how many shards the deploy workflow builds in, and
 * builds nothing. `--help` names these first, since Eleventy's own help,
 * printed after them, knows none of them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const eleventy = fileURLToPath(new URL("../node_modules/@11ty/eleventy/cmd.cjs", import.meta.url));
const rest = [];
const merge = [];
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(`Usage: npm run build -- [options]

Builds content/ into _site/: the pages, feeds, sitemap, search index, data
exports and citations. A build writes a new site beside the old one and puts
it in place whole; every problem in the articles is listed with its file,
line and field, and a build with problems leaves the last site as it was.

Hemeroteca's options:
  --dryrun            load, check and render everything, writing nothing
  --shard K/N         build shard K of N (into _shards/K-of-N/, or HEMEROTECA_OUTPUT)
  --merge DIR...      merge every shard's folder into _site/, the site one build writes
  --plan-shards       print how many shards the deploy workflow builds in, and stop
  -h, --help          show this help, then Eleventy's own

Settings (environment): SITE_URL (the address the site is served at, path
included), HEMEROTECA_OUTPUT, HEMEROTECA_NO_CACHE=1, HEMEROTECA_TIMINGS=1,
HEMEROTECA_MEMORY=DIR; README, "Commands" and "Sharded builds", says more.

Example:
  SITE_URL=https://example.org/archive npm run build
  npm run build -- --shard 1/2 && npm run build -- --shard 2/2 && npm run build -- --merge _shards/1-of-2 _shards/2-of-2

Eleventy's options, passed on as given:

`);
}
if (args.includes("--plan-shards")) {
  const { planShards } = await import("../src/site/shard-plan.ts");
  process.stdout.write(`${planShards(fileURLToPath(new URL("..", import.meta.url)), process.env.HEMEROTECA_ARTICLES)}\n`);
  process.exit(0);
}
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--shard" || arg.startsWith("--shard=")) {
    const value = arg === "--shard" ? args[++i] : arg.slice("--shard=".length);
    if (!value) {
      process.stderr.write("Cannot read `--shard`: expected K/N, the shard K of N shards (e.g. `--shard 2/4`)\n");
      process.exit(2);
    }
    process.env.HEMEROTECA_SHARD = value;
  } else if (arg === "--merge") {
    while (i + 1 < args.length && !args[i + 1].startsWith("--")) merge.push(args[++i]);
    if (!merge.length) {
      process.stderr.write("Cannot read `--merge`: expected the shards' output folders (`--merge DIR...`)\n");
      process.exit(2);
    }
  } else rest.push(arg === "-h" ? "--help" : arg);
}
if (merge.length) process.env.HEMEROTECA_MERGE = merge.map((folder) => path.resolve(folder)).join(path.delimiter);
await logBuildErrorsOnce();
process.argv = [process.argv[0], eleventy, ...rest];
await import(eleventy);

/**
 * Eleventy's command logs a failed build's error twice: `write` logs it (and
 * marks it logged), then the command logs it again as its fatal error. For
 * content problems that doubles a list an editor must read; one copy is kept,
 * and the exit code is still 1. Without the method this patches (a later
 * Eleventy), the error is only logged twice.
 */
async function logBuildErrorsOnce() {
  const handler = new URL("../node_modules/@11ty/eleventy/src/Errors/EleventyErrorHandler.js", import.meta.url);
  const { EleventyErrorHandler } = await import(handler.href);
  const fatal = EleventyErrorHandler?.prototype?.fatal;
  if (typeof fatal !== "function") return;
  EleventyErrorHandler.prototype.fatal = function (error, message) {
    if (error?.__errorAlreadyLogged) {
      process.exitCode = 1;
      return;
    }
    fatal.call(this, error, message);
  };
}
