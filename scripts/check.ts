/** `npm run check`: see src/check/. */
import { fileURLToPath } from "node:url";
import { checkCli } from "../src/check/index.ts";

process.exitCode = await checkCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  defaultRoot: fileURLToPath(new URL("..", import.meta.url)),
});
