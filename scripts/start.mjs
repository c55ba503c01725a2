/**
 * `npm start`: builds the site, serves it at http://localhost:8080 and
 * rebuilds it at every save (src/site/serve.ts). `--port N` asks for another
 * port. It keeps serving when a build fails, the first one included: every
 * page then shows the problems until they are fixed.
 */
import { parseArgs } from "node:util";

const USAGE = `Usage: npm start [-- --port N]

Builds the site into _site/, serves it at http://localhost:8080 (or the next
free port) and builds it again at every save. The server answers only this
computer; HEMEROTECA_HOST=0.0.0.0 npm start shows it to your network. If a
build fails, every page shows the problems (file, line, field and what to do)
until you fix them and save. Ctrl-C stops it.

Options:
  --port N     serve at port N instead of 8080
  -h, --help   show this help
`;

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
} catch (error) {
  process.stderr.write(`start: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  process.stderr.write(`start: --port must be a port number from 1 to 65535 (given: \`${values.port}\`)\n`);
  process.exit(2);
}
const { serve } = await import("../src/site/serve.ts");
await serve({ configPath: "eleventy.config.ts", ...(port ? { port } : {}) });
