/** The `npm run new` command line: flags (or answers) in, one new article file out. */
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { FIELDS, type FieldValues } from "./article-fields.ts";
import { askForFields, PromptCancelled } from "./ask-fields.ts";
import { planArticle, readArchiveNames, type Plan } from "./plan-article.ts";
import { ArticleExistsError, writeNewArticle } from "./write-article.ts";
import { unwritableFolder, writeErrorInWords } from "../lib/writable-folders.ts";
import { relativeWithin } from "../lib/paths.ts";
import { inertLine, inertLines } from "../lib/terminal-text.ts";

export const NEW_USAGE = `Usage: npm run new -- --title TITLE --publication NAME --language CODE [options]

Writes a new article file at content/articles/<publication>/<id>.md, with a
permanent id made from the title (and -2, -3, ... if the archive already has
it), checked against the same rules as \`npm run check\`. It never replaces a
file. Run with no options in a terminal and it asks for each field.

Required:
  --title TITLE          the headline as published
  --publication NAME     e.g. "Fight Back! News"
  --language CODE        BCP 47 code: en, es, pt-BR ...

Optional:
  --date DATE            EDTF: 2023-01-09, 2022-12, 2021, 2022-12-07?, 2023-01~, 2022-12/2023-01
  --url URL              the original address (http or https)
  --tags A,B             tags, separated by commas
  --authors A,B          bylines as printed, separated by commas
  --summary TEXT         the dek or teaser
  --place TEXT           the dateline, e.g. "Tucson, AZ"
  --dry-run              print the file instead of writing it
  --root DIR             write into the project in DIR instead of this one
  -h, --help             show this help

Example:
  npm run new -- --title "Police massacre in Juliaca" --publication "Fight Back! News" \\
    --language en --date 2023-01-09 --tags "repression, Juliaca" --authors staff
`;

export interface NewIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  defaultRoot: string;
  input: Readable;
  output: Writable;
  /** True when both ends are a terminal: only then are questions asked. */
  interactive: boolean;
}

async function knownPublications(root: string): Promise<string[]> {
  const { records } = await readArchiveNames(root);
  return [...new Set(records.map((record) => record.publication).filter(Boolean))].sort().slice(0, 12);
}

/** The fields written otherwise than given, and check's warnings on the file, for the editor to read. */
function planNotes(plan: Extract<Plan, { ok: true }>): string {
  let notes = "";
  if (plan.respelt.length)
    notes += `Written as the archive writes them (\`npm run check\` would report the spellings given):\n${plan.respelt
      .map((r) => `  ${r.field}: \`${inertLine(r.written)}\`, not \`${inertLine(r.given)}\`: ${inertLine(r.message)}\n`)
      .join("")}`;
  if (plan.warnings.length)
    notes += `\`npm run check\` will warn:\n${plan.warnings
      .map((w) => `  ${w.field}: ${inertLine(w.message)}\n      hint: ${inertLine(w.hint)}\n`)
      .join("")}`;
  return notes;
}

export async function newCli(argv: string[], io: NewIo): Promise<number> {
  const fieldOptions = Object.fromEntries(FIELDS.map((f) => [f.name, { type: "string" as const }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...fieldOptions, "dry-run": { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`new: ${error instanceof Error ? error.message : String(error)}\n\n${NEW_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(NEW_USAGE);
    return 0;
  }
  const root = path.resolve(io.cwd, typeof values.root === "string" ? values.root : io.defaultRoot);
  let fields: FieldValues = {};
  for (const spec of FIELDS) {
    const value = values[spec.name];
    if (typeof value === "string") fields[spec.name] = value;
  }
  const noFields = Object.keys(fields).length === 0;
  const missingRequired = FIELDS.some((f) => f.required && !fields[f.name]?.trim());
  if (missingRequired && io.interactive) {
    try {
      fields = await askForFields({
        input: io.input,
        output: io.output,
        given: fields,
        requiredOnly: !noFields,
        publications: await knownPublications(root),
      });
    } catch (error) {
      if (error instanceof PromptCancelled) {
        io.stderr(`new: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }
  const plan = await planArticle(fields, { root });
  if (!plan.ok) {
    io.stderr(
      `new: nothing was written:\n${plan.errors.map((e) => `  ${inertLines(e)}`).join("\n")}\n\nRun \`npm run new -- --help\` for the options.\n`,
    );
    return 1;
  }
  const shown = relativeWithin(io.cwd, path.join(root, plan.file)) ?? path.join(root, plan.file);
  if (values["dry-run"]) {
    io.stdout(
      `Would write ${inertLine(shown)} (dry run, nothing written):\n\n${inertLines(plan.text)}${planNotes(plan) ? `\n${planNotes(plan)}` : ""}`,
    );
    return 0;
  }
  const refused = await unwritableFolder(root, [plan.file]);
  if (refused) {
    io.stderr(`new: ${refused}; nothing was written\n`);
    return 1;
  }
  try {
    await writeNewArticle(root, plan.file, plan.text);
  } catch (error) {
    if (error instanceof ArticleExistsError) {
      io.stderr(`new: ${inertLine(error.message)}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      io.stderr(`new: cannot write ${plan.file}: ${writeErrorInWords(code)}; nothing was written\n`);
      return 1;
    }
    throw error;
  }
  io.stdout(
    `Wrote ${inertLine(shown)}\n${planNotes(plan)}Next: write the article's text below the front matter, then run \`npm run check\`.\n`,
  );
  return 0;
}
