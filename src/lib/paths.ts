/**
 * Paths as the project names them: with `/` on every system (in records,
 * reports, the output ledger and the caches' listings), and relative to a
 * folder only when they are inside it.
 */
import path from "node:path";

/** `file` with `/` between its parts, whatever the system's separator. */
export function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/**
 * `inner` relative to `outer`, with `/`, when it is `outer` itself (`""`) or
 * inside it; undefined when it is not. A name that only begins with two dots
 * (`..drafts`) is inside: the test is on whole parts, not on the text.
 */
export function relativeWithin(outer: string, inner: string): string | undefined {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}
