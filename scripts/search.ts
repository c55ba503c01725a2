/** `npm run search -- QUERY [options]`: full-text search of the built archive; see `src/search/cli.ts`. */
import { runSearchCli } from "../src/search/cli.ts";

process.exitCode = runSearchCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env,
});
