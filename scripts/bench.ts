/** `npm run bench`: see src/bench/. */
import { fileURLToPath } from "node:url";
import { benchCli } from "../src/bench/cli.ts";

try {
  process.exitCode = await benchCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    root: fileURLToPath(new URL("..", import.meta.url)),
  });
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
