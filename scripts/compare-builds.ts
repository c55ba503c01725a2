/** `npm run compare-builds`: see src/bench/compare-builds.ts. */
import { fileURLToPath } from "node:url";
import { compareCli } from "../src/bench/compare-cli.ts";

process.exitCode = await compareCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  root: fileURLToPath(new URL("..", import.meta.url)),
});
