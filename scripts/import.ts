/**
 * `npm run import -- [options] FILE...`: hands the arguments to src/import.
 * Results go to stdout, progress and warnings to stderr.
 */
import { parseArgs } from "node:util";
import { filesToText, ImportError, importFiles, reportToText } from "../src/import/index.ts";
import { sharedParsePool } from "../src/records/parse-pool.ts";
import { inertLine, inertLines } from "../src/lib/terminal-text.ts";

const HELP = `Usage: npm run import -- [options] FILE...

Turns raw converted pages into article files under content/articles/, keeping
each page verbatim under content/sources/<publication>/<name>.md.

FILE is a raw page (.txt or .md as the converter wrote it) or a page already
kept under content/sources/ (re-imported from its kept copy; the publication
comes from its header).

Options:
  --publication NAME   the outlet's display name (required for raw pages)
  --kind KIND          listing | print-issue | article (default: detected)
  --url URL            the page's own address, if known
  --retrieved DATE     when the page was fetched (YYYY-MM-DD), if known
  --dry-run            write nothing; show what would be written
  --json               print the records as a JSON array (front matter + body);
                       with --report, an object { records, reports }
  --report             print the accounting of every line: records and dropped lines
  --force              overwrite article files edited since the last import, and
                       replace a different page kept under the same name
  --root DIR           project root (default: the current folder)
  -h, --help           show this help

Examples:
  npm run import -- --publication "Fight Back! News" --url https://example.org/news/ page.txt
  npm run import -- --dry-run --json content/sources/peoples-dispatch/004_f9e21679d1a1e6f1.md
`;

const KINDS = ["listing", "print-issue", "article"] as const;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        publication: { type: "string" },
        kind: { type: "string" },
        url: { type: "string" },
        retrieved: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        report: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        root: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`import: no files given\n\n${HELP}`);
    return 2;
  }
  if (values.kind !== undefined && !(KINDS as readonly string[]).includes(values.kind)) {
    process.stderr.write(`import: \`--kind ${values.kind}\` is not one of ${KINDS.join(", ")}\n`);
    return 2;
  }
  if (values.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.retrieved)) {
    process.stderr.write(`import: \`--retrieved ${values.retrieved}\` must be a date such as 2023-02-01\n`);
    return 2;
  }

  // The articles made are parsed within check's budget on a worker: it starts now, while the pages are read and split.
  sharedParsePool();
  try {
    const result = await importFiles(positionals, {
      ...(values.root ? { root: values.root } : {}),
      ...(values.publication ? { publication: values.publication } : {}),
      ...(values.kind ? { kind: values.kind as (typeof KINDS)[number] } : {}),
      ...(values.url ? { url: values.url } : {}),
      ...(values.retrieved ? { retrieved: values.retrieved } : {}),
      dryRun: values["dry-run"],
      force: values.force,
      // Messages and reports quote the page: shown inert (terminal-text.ts).
      onProgress: (message) => process.stderr.write(`${inertLine(message)}\n`),
    });
    for (const warning of result.warnings) process.stderr.write(`warning: ${inertLines(warning)}\n`);
    if (values.json) {
      const output = values.report ? { records: result.records, reports: result.reports } : result.records;
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      if (values.report) process.stdout.write(`${inertLines(result.reports.map(reportToText).join("\n\n"))}\n\n`);
      process.stdout.write(`${inertLines(filesToText(result.files, values["dry-run"]))}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      process.stderr.write(`import: ${inertLines(error.message)}\n${error.details.map((detail) => `  ${inertLines(detail)}\n`).join("")}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
