/** Small throwaway projects for the editor tools: a folder in the system's temporary space, filled with the given files. */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CliIo } from "../../../src/check/cli.ts";

export interface TempProject {
  root: string;
  write(file: string, content: string | Uint8Array): void;
  remove(): void;
}

export function tempProject(files: Record<string, string | Uint8Array> = {}): TempProject {
  const root = mkdtempSync(path.join(tmpdir(), "hemeroteca-editors-"));
  const write = (file: string, content: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  for (const [file, content] of Object.entries(files)) write(file, content);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A valid article's text, with extra front-matter lines. */
export function article(title: string, extra = "", body = "Body text."): string {
  return `---\ntitle: ${title}\npublication: Test Press\nlanguage: en\n${extra}${extra && !extra.endsWith("\n") ? "\n" : ""}---\n\n${body}\n`;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A source as the importer writes it: header, then the page byte for byte. */
export function source(text: string, header: Record<string, string> = {}): string {
  const fields = { publication: "Test Press", kind: "listing", sha256: sha256(text), ...header };
  return `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n")}\n---\n${text}`;
}

/** Runs a command line function with captured output. */
export async function capture(run: (io: CliIo) => Promise<number>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, defaultRoot: cwd });
  return { code, stdout, stderr };
}
