/**
 * The stylesheets and scripts of `public/`, minified by esbuild on their way
 * into the site: the sources stay commented and readable, and an article page
 * with everything it loads keeps under its 30 KB budget. No target is set, so
 * esbuild only drops what a browser ignores (comments, blanks, long local
 * names) and rewrites nothing for older browsers. Anything esbuild warns
 * about stops the build: a stylesheet that does not parse would otherwise be
 * shipped half-applied.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../lib/list-files.ts";
import { transformSync, type Message } from "esbuild";

const LOADERS = { ".css": "css", ".js": "js" } as const;

/** Every stylesheet and script under `publicDir`, relative to it with `/` separators. */
export function minifiedAssetsIn(publicDir: string): string[] {
  return listFiles(publicDir).files.filter((file) => Object.hasOwn(LOADERS, path.extname(file)));
}

function messageToError(file: string, message: Message): Error {
  const where = message.location ? `:${message.location.line}:${message.location.column + 1}` : "";
  return new Error(`Cannot minify \`${file}${where}\`: ${message.text}`);
}

/** The minified text of one stylesheet or script; a syntax error names the file, line and column. */
export function minifyAsset(file: string): string {
  const loader = LOADERS[path.extname(file) as keyof typeof LOADERS];
  if (!loader) throw new Error(`Cannot minify \`${file}\`: only .css and .js files are minified`);
  let result;
  try {
    result = transformSync(readFileSync(file, "utf8"), { loader, minify: true, charset: "utf8", sourcefile: file });
  } catch (error) {
    const first = (error as { errors?: Message[] }).errors?.[0];
    throw first ? messageToError(file, first) : error;
  }
  if (result.warnings[0]) throw messageToError(file, result.warnings[0]);
  return result.code;
}
