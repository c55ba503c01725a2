/**
 * What `npm run compare-builds` runs in each checkout: the builds whose output
 * folders it compares, and the commands whose output it compares (check,
 * search, import), all as the checkout's own package.json runs them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { searchQueries } from "./search-queries.ts";

/** A site built into `out/sites/<name>/`. */
export interface BuildStep {
  kind: "build";
  name: string;
  env: Record<string, string | undefined>;
  /** The build whose cache folder it uses (default: one of its own). */
  cacheOf?: string;
}

/** Sites that must be the same file for file within one checkout: a rebuild on a warm cache, and a build without caches. */
export const SAME_WITHIN: ReadonlyArray<{ site: string; as: string; label: string }> = [
  { site: "default-warm", as: "default", label: "rebuilt on the first build's caches" },
  { site: "default-no-cache", as: "default", label: "built with HEMEROTECA_NO_CACHE=1" },
];

/** A command whose exit code and output go to `out/commands/<name>.txt`. */
export interface CommandStep {
  kind: "command";
  name: string;
  /** The npm script (`check`, `search`, `import`, `eval:import`) and its arguments. */
  script: string;
  args: string[];
  /** Whether stderr is compared too: not where it carries timings or progress. */
  stderr: boolean;
}

export type Step = BuildStep | CommandStep;

export interface StepPaths {
  /** The checkout whose code runs. */
  checkout: string;
  /** The synthetic corpus's project folder (its articles in `content/articles/`), the same for both checkouts. */
  corpus: string;
  /** Where this checkout's sites go (`<out>/sites/<name>`). */
  out: string;
}

/** The test fixtures that are projects of their own (a `content/` folder), which `check --root` reads. */
function fixtureProjects(checkout: string): string[] {
  const fixtures = path.join(checkout, "test", "fixtures");
  return readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(fixtures, entry.name)).includes("content"))
    .map((entry) => entry.name)
    .sort();
}

/** The kept sources of the default collection, relative to the checkout. */
function keptSources(checkout: string): string[] {
  const sources = path.join(checkout, "content", "sources");
  return readdirSync(sources, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("content", "sources", file))
    .sort();
}

/**
 * The folders of the corpus's fresh fold (test/import/fresh-pages.txt, one name a line, `#` comments):
 * never imported here, since a comparison lists the first line that differs and the fold is read once a round.
 */
function freshPages(checkout: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path.join(checkout, "test", "import", "fresh-pages.txt"), "utf8");
  } catch {
    return new Set();
  }
  return new Set(
    text
      .split("\n")
      .map((line) => line.replace(/#.*/, "").trim())
      .filter((line) => line !== ""),
  );
}

/** The importer's corpus of real pages but the fresh fold, relative to the checkout. */
function fixturePages(checkout: string): string[] {
  const pages = path.join(checkout, "test", "fixtures", "pages");
  const fresh = freshPages(checkout);
  return readdirSync(pages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !fresh.has(entry.name))
    .map((entry) => path.join("test", "fixtures", "pages", entry.name, "page.md"))
    .sort();
}

/** The README's own search examples, run against the default collection's site. */
const DEFAULT_QUERIES: string[][] = [
  ["Juliaca"],
  ["Perú", "--lang", "es"],
  ["strike", "--author", "byrne", "--sort", "oldest"],
  ["state of emergency", "--json", "--limit", "5"],
  ["strike", "--count-by", "month", "--csv"],
];

/** Every step, in the order they run. */
export function compareSteps(paths: StepPaths): Step[] {
  const site = (name: string) => path.join(paths.out, "sites", name);
  const corpusArticles = path.join(paths.corpus, "content", "articles");
  const steps: Step[] = [
    { kind: "build", name: "default", env: { SITE_URL: undefined } },
    { kind: "build", name: "default-warm", env: { SITE_URL: undefined }, cacheOf: "default" },
    { kind: "build", name: "default-no-cache", env: { SITE_URL: undefined, HEMEROTECA_NO_CACHE: "1" } },
    { kind: "build", name: "default-with-site-url", env: { SITE_URL: "https://example.org/archive" } },
    { kind: "build", name: "corpus", env: { SITE_URL: undefined, HEMEROTECA_ARTICLES: corpusArticles } },
    { kind: "command", name: "check", script: "check", args: ["--notes"], stderr: true },
    { kind: "command", name: "check-json", script: "check", args: ["--json"], stderr: true },
    { kind: "command", name: "check-corpus", script: "check", args: ["--root", paths.corpus], stderr: true },
  ];
  for (const fixture of fixtureProjects(paths.checkout)) {
    steps.push({
      kind: "command",
      name: `check-fixture-${fixture}`,
      script: "check",
      args: ["--notes", "--root", path.join("test", "fixtures", fixture)],
      stderr: true,
    });
  }
  DEFAULT_QUERIES.forEach((args, index) => {
    steps.push({
      kind: "command",
      name: `search-default-${index + 1}`,
      script: "search",
      args: [...args, "--db", path.join(site("default"), "data", "archive.sqlite")],
      stderr: true,
    });
  });
  // The sorted query's words are among the others'.
  searchQueries()
    .filter((query) => !query.sort)
    .forEach(({ query }, index) => {
      steps.push({
        kind: "command",
        name: `search-corpus-${index + 1}`,
        script: "search",
        args: [query, "--json", "--limit", "50", "--db", path.join(site("corpus"), "data", "archive.sqlite")],
        stderr: true,
      });
    });
  steps.push(
    {
      kind: "command",
      name: "reimport-default",
      script: "import",
      args: ["--dry-run", "--json", "--report", ...keptSources(paths.checkout)],
      stderr: true,
    },
    {
      kind: "command",
      name: "import-fixture-pages",
      script: "import",
      args: ["--dry-run", "--json", "--report", "--publication", "Fixture Pages", ...fixturePages(paths.checkout)],
      stderr: true,
    },
    { kind: "command", name: "eval-import", script: "eval:import", args: ["--json", "--leave-out-fresh"], stderr: true },
  );
  return steps;
}

/** A package.json script's command line as [program, ...arguments], `node` being this Node. */
export function scriptCommand(checkout: string, script: string): string[] {
  const scripts = JSON.parse(readFileSync(path.join(checkout, "package.json"), "utf8")).scripts as Record<string, string>;
  const line = scripts[script];
  if (!line) throw new Error(`The checkout in ${checkout} has no npm script \`${script}\``);
  const [program, ...args] = line.split(" ");
  return [program === "node" ? process.execPath : program!, ...args];
}
