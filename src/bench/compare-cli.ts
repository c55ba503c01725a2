/** The `npm run compare-builds` command line: arguments in, the list of differences out. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { anyDifference, compareBuilds, comparisonToText, removeWork } from "./compare-builds.ts";
import { DEFAULT_SEED } from "./generate-corpus.ts";

export const COMPARE_USAGE = `Usage: npm run compare-builds -- [options]

Shows that a change leaves every output the same, byte for byte. At two
revisions (the base in a git worktree of a temporary folder, sharing this
checkout's node_modules), it builds the default collection (without and with
SITE_URL, again on the first build's caches, and without caches) and a
synthetic corpus of the benchmark (generated once, the same for both), runs check (on the collection, the corpus and every test fixture
that is a project), search (the README's examples, the benchmark's queries),
the re-import of the collection's kept sources and the import of the
importer's corpus of real pages (dry runs), and eval:import; then compares
every file of the two sites and every command's exit code and output, and
lists each difference; and within each side, the rebuild on warm caches and
the build without caches against the first build. Build messages are not
compared (they carry timings).

Options:
  --base REV        the revision compared against (default HEAD)
  --head REV        the revision compared (default: this checkout as it is,
                    uncommitted changes included)
  --articles N      the synthetic corpus's size (default 300)
  --seed S          its seed (default ${DEFAULT_SEED})
  --workdir DIR     where checkouts, sites and outputs go (default: a new
                    folder in ${tmpdir()}); removed at the end unless --keep
  --keep            keep the work folder, to look closer at a difference
  -h, --help        show this help

Exit status: 0 when everything is the same, 1 when anything differs or a
step could not run, 2 on bad arguments.

Examples:
  npm run compare-builds
  npm run compare-builds -- --base main --articles 1000 --keep
`;

export interface CompareCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  root: string;
}

function count(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new Error(`Cannot read \`--${option} ${text}\`: expected a whole number of at least 1`);
  return Number(text);
}

export async function compareCli(argv: string[], io: CompareCliIo): Promise<number> {
  let values;
  let articles: number;
  let seed: number;
  try {
    values = parseArgs({
      args: argv,
      options: {
        base: { type: "string", default: "HEAD" },
        head: { type: "string" },
        articles: { type: "string", default: "300" },
        seed: { type: "string", default: String(DEFAULT_SEED) },
        workdir: { type: "string" },
        keep: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
    articles = count(values.articles, "articles");
    seed = count(values.seed, "seed");
  } catch (error) {
    io.stderr(`compare-builds: ${(error as Error).message}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(COMPARE_USAGE);
    return 0;
  }
  const work = values.workdir ? path.resolve(values.workdir) : mkdtempSync(path.join(tmpdir(), "hemeroteca-compare-"));
  try {
    const result = await compareBuilds({
      root: io.root,
      base: values.base,
      head: values.head,
      articles,
      seed,
      work,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(comparisonToText(result));
    if (values.keep) io.stderr(`the outputs are in ${result.baseOut} and ${result.headOut}\n`);
    return anyDifference(result) ? 1 : 0;
  } catch (error) {
    io.stderr(`compare-builds: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (!values.keep) removeWork(work);
  }
}
