/**
 * `node scripts/run.mjs NAME [ARG...]` runs `scripts/NAME.ts`, compiled once
 * rather than at every start: under tsx each start compiled and loaded some
 * 150 TypeScript modules and the few hundred small files of their packages,
 * seconds on a busy machine. esbuild bundles every script of this folder, with
 * the code and packages they import, into one JavaScript file each under
 * `node_modules/.cache/hemeroteca-scripts/<checkout>-<digest>/`, the digest
 * being that of the size and time of change of every source file and of
 * package-lock.json; a change to any of them makes the next start compile
 * again (a few seconds, once). The parse worker is compiled beside them
 * (`WORKERS`).
 *
 * `import.meta.url` keeps naming each module's own source file, so the paths
 * worked out from it (worker threads' entries, the code a cache key is made
 * of, the project root) are those of the checkout, as under tsx.
 * `HEMEROTECA_SCRIPTS=tsx` runs the TypeScript through tsx instead.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const scriptsDir = path.join(root, "scripts");
/** `HEMEROTECA_SCRIPTS_CACHE` puts the compiled copies elsewhere (the tests do). */
const cacheRoot = process.env.HEMEROTECA_SCRIPTS_CACHE ?? path.join(root, "node_modules", ".cache", "hemeroteca-scripts");
/** Packages left to Node: native addons, and packages that find their own files or binaries at run time. */
const EXTERNAL = ["better-sqlite3", "esbuild", "pagefind", "@11ty/eleventy", "tsx", "playwright-core", "multilingual-stemmer"];

/** Every file whose bytes the compiled scripts depend on, sorted. */
function sourceFiles() {
  const files = [path.join(root, "package-lock.json"), path.join(root, "tsconfig.json")];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|mts|mjs|js|json)$/.test(entry.name)) files.push(file);
    }
  };
  walk(path.join(root, "src"));
  walk(scriptsDir);
  return files.sort();
}

/** Which checkout the copies are for: a folder of node_modules may serve more than one. */
const checkout = createHash("sha256").update(root).digest("hex").slice(0, 8);

/**
 * What the sources are now: each file's path, size and time of last change
 * (reading and hashing every byte took a tenth of a second of each start on a
 * busy machine; an edit, a checkout or a pull changes the time).
 */
function digestOf(files) {
  const hash = createHash("sha256").update(`${process.version}\0`);
  for (const file of files) {
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    hash.update(`${path.relative(root, file)}\0${stat ? `${stat.size}\0${stat.mtimeNs}` : "-"}\0`);
  }
  return `${checkout}-${hash.digest("hex").slice(0, 16)}`;
}

/** Replaces `import.meta.url` in the project's own modules with the URL of their source file. */
const keepModuleUrls = {
  name: "keep-module-urls",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents: text, loader: "ts" };
    });
  },
};

/**
 * Worker threads' entries compiled beside the scripts, each made known to the
 * code that starts it by a constant (`define`): a worker started from plain
 * JavaScript needs no TypeScript loader, which took a second or more to start
 * in every worker.
 */
const WORKERS = [{ source: "src/records/parse-worker.ts", out: "workers/parse-worker", constant: "HEMEROTECA_COMPILED_PARSE_WORKER" }];

async function compile(outDir) {
  const { build } = await import("esbuild");
  const scripts = readdirSync(scriptsDir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => ({ in: path.join(scriptsDir, name), out: name.replace(/\.ts$/, "") }));
  const workers = WORKERS.map(({ source, out }) => ({ in: path.join(root, source), out }));
  const temporary = `${outDir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    entryPoints: [...scripts, ...workers],
    // Where each worker's compiled file will be once the folder has its final name.
    define: Object.fromEntries(
      WORKERS.map(({ out, constant }) => [constant, JSON.stringify(pathToFileURL(path.join(outDir, `${out}.mjs`)).href)]),
    ),
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    external: EXTERNAL,
    plugins: [keepModuleUrls],
    // Packages written as CommonJS call `require`, which an ES module lacks.
    banner: {
      js: 'import { createRequire as __hemerotecaRequire } from "node:module"; const require = __hemerotecaRequire(import.meta.url);',
    },
    // Some packages read a class's name (edtf: `date.type`), which bundling would otherwise change.
    keepNames: true,
    logLevel: "error",
  });
  try {
    renameSync(temporary, outDir);
  } catch (error) {
    // Another start compiled the same sources at the same time: its copy is as good.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(outDir)) throw error;
  }
  // This checkout's copies of older sources are never used again.
  for (const name of readdirSync(cacheRoot)) {
    if (name.startsWith(`${checkout}-`) && name !== path.basename(outDir) && !name.endsWith(".tmp"))
      rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
}

/** The compiled script's file, compiling every script first when the sources changed. */
async function compiledScript(name) {
  const outDir = path.join(cacheRoot, digestOf(sourceFiles()));
  const file = path.join(outDir, `${name}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(cacheRoot, { recursive: true });
    await compile(outDir);
  }
  return file;
}

const name = process.argv[2];
if (!name || !existsSync(path.join(scriptsDir, `${name}.ts`))) {
  process.stderr.write(`run: no script \`scripts/${name ?? ""}.ts\`; usage: node scripts/run.mjs NAME [ARG...]\n`);
  process.exit(2);
}
// The script reads its arguments from process.argv, as when it is started on its own.
process.argv.splice(2, 1);
if (process.env.HEMEROTECA_SCRIPTS === "tsx") {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(scriptsDir, `${name}.ts`)).href);
} else {
  await import(pathToFileURL(await compiledScript(name)).href);
}
