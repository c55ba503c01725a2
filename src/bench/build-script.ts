/**
 * The command of `npm run build`, read from package.json, so that the
 * benchmark and the test builds run exactly what editors run (Node flags
 * included) instead of a copy of it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The arguments of the `build` script after `node`. */
export function buildScriptArgs(root: string): string[] {
  const script: unknown = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts?.build;
  const [node, ...args] = typeof script === "string" ? script.trim().split(/\s+/) : [];
  if (node !== "node" || args.length === 0)
    throw new Error(
      `Cannot \`read\` the build command: the \`build\` script of package.json should start with \`node\`, found \`${String(script)}\``,
    );
  return args;
}
