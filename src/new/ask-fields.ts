/**
 * Asks for each field in a terminal, checking every answer on the spot with
 * the schema, so the editor fixes a date or an address before anything is
 * written. Reads lines from any stream, so tests drive it with plain text.
 */
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import { FIELDS, validateField, type FieldValues } from "./article-fields.ts";
import { inertLine } from "../lib/terminal-text.ts";

export class PromptCancelled extends Error {
  constructor() {
    super("Cancelled: no answer, so nothing was written");
    this.name = "PromptCancelled";
  }
}

export interface AskOptions {
  input: Readable;
  output: Writable;
  /** Answers already given as flags: not asked again. */
  given?: FieldValues;
  /** Ask only for the fields that are required and missing. */
  requiredOnly?: boolean;
  /** Publications already in the archive, offered as examples. */
  publications?: string[];
}

export async function askForFields(options: AskOptions): Promise<FieldValues> {
  const { input, output } = options;
  const values: FieldValues = { ...options.given };
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (prompt: string): Promise<string> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const { value, done } = await lines.next();
    if (done) throw new PromptCancelled();
    return String(value);
  };
  try {
    output.write("New article. Press Enter to skip a field that is optional; Ctrl+C cancels.\n");
    for (const spec of FIELDS) {
      if (values[spec.name] !== undefined) continue;
      if (options.requiredOnly && !spec.required) continue;
      const known =
        spec.name === "publication" && options.publications?.length
          ? `; in the archive: ${options.publications.map(inertLine).join(", ")}`
          : "";
      output.write(`\n${spec.label}${spec.required ? "" : " (optional)"}. Example: ${spec.example}${known}\n`);
      for (;;) {
        const answer = (await next(`${spec.name}: `)).trim();
        if (answer === "") {
          if (!spec.required) break;
          output.write(`  ${spec.name} is required.\n`);
          continue;
        }
        const result = validateField(spec.name, answer);
        if (result.ok) {
          values[spec.name] = answer;
          break;
        }
        output.write(`  ${spec.name} ${inertLine(result.error)}. Try again.\n`);
      }
    }
    return values;
  } finally {
    rl.close();
  }
}
