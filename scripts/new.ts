/** `npm run new`: see src/new/. */
import { fileURLToPath } from "node:url";
import { newCli } from "../src/new/index.ts";

process.exitCode = await newCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  defaultRoot: fileURLToPath(new URL("..", import.meta.url)),
  input: process.stdin,
  output: process.stdout,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
