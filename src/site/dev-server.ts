/**
 * `npm start`'s server (Eleventy's dev server), made fit for editing:
 * - it listens on localhost only, unless `HEMEROTECA_HOST` names another
 *   address (`HEMEROTECA_HOST=0.0.0.0` serves the network, and then lists
 *   the addresses); Eleventy's own server listens on every interface and has
 *   no setting for it;
 * - after a build that fails, every page it serves is the error, with the
 *   file, line and field of each problem, and the open pages reload to show
 *   it; once a build succeeds they reload again to the site. Eleventy's own
 *   server only logs the error in the browser's console and leaves the old
 *   page standing;
 * - the open pages reload as soon as a rebuild has written the pages, not
 *   only once it has also made the search index and the data exports.
 * The first two are made by wrapping three methods of the server's class, of the
 * version package.json pins (test/editors/dev-server-shows-build-errors.test.ts
 * holds them to it).
 */
import { escapeHtml } from "../render/html.ts";
import { withHint } from "../records/problem-hints.ts";
import { ContentError, problemToString, type Problem } from "../records/problems.ts";

/** The part of Eleventy's configuration API used here. */
export interface DevServerConfig {
  setServerOptions(options: Record<string, unknown>): void;
  on(event: "eleventy.before" | "eleventy.after", callback: () => unknown): void;
}

/** What the dev server's class is given and keeps, as far as this module touches it. */
interface DevServer {
  server: { listen(options: { port: number; host?: string }): void };
  sendUpdateNotification(message: Record<string, unknown>): void;
  sendError(event: { error: unknown }): void;
  reload(event: unknown): unknown;
  _serverListen(port: number): void;
}

export const DEFAULT_HOST = "localhost";

/** The build error the server shows instead of pages, or none. */
let buildError: unknown;
/** The servers of `npm start` once they listen (after the first build; Eleventy makes another when its options change). */
const listening = new Set<DevServer>();

/** The address `npm start` listens on: `HEMEROTECA_HOST`, or localhost. */
export function devServerHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEMEROTECA_HOST?.trim() || DEFAULT_HOST;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);

/** Every message of an error and of the errors it wraps (Eleventy wraps a plugin's error in its own). */
export function errorMessages(error: unknown): string[] {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && current !== null && !seen.has(current);) {
    seen.add(current);
    const message = current instanceof Error ? `${current.name}: ${current.message}` : String(current);
    if (!messages.some((earlier) => earlier.includes(message))) messages.push(message);
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return messages;
}

/** The content problems the error is about (the build's `ContentError`, maybe wrapped by Eleventy), or none. */
export function contentProblemsOf(error: unknown): readonly Problem[] | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current !== undefined && current !== null && !seen.has(current);) {
    seen.add(current);
    if (current instanceof ContentError) return current.problems;
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return undefined;
}

/**
 * What the error page says: for content problems, each error as `npm run
 * check` writes it, file, line, field and message, with the same hint
 * (problem-hints.ts); for any other failure, its messages.
 */
export function buildErrorBlocks(error: unknown): string[] {
  const problems = contentProblemsOf(error);
  if (!problems) return errorMessages(error);
  const errors = problems.filter((problem) => problem.severity === "error");
  return [
    `${errors.length} problem${errors.length === 1 ? "" : "s"} in content/ stop the build:`,
    ...errors.map((problem) => problemToString(withHint(problem))),
  ];
}

/** The page every address shows while the last build failed; it reloads itself once a build succeeds. */
export function buildErrorPage(error: unknown, reloadScript: string): string {
  const messages = buildErrorBlocks(error)
    .map((message) => `<pre>${escapeHtml(message)}</pre>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build error</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;background:#fff}h1{color:#a00000}pre{white-space:pre-wrap;background:#f6f0f0;border-left:4px solid #a00000;padding:1rem;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>The site could not be built</h1>
<p>Fix what is named below and save: this page turns back into the site by itself. <code>npm run check</code> lists the same problems, with its warnings and notes.</p>
${messages}
</main>
<script type="module" src="${escapeHtml(reloadScript)}"></script>
</body>
</html>
`;
}

/** Whether a request is for a page (not a stylesheet, script or data file). */
function asksForPage(url: URL): boolean {
  return url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

/** Wraps the dev server's class: listening on `host`, and the error page. Done once per process. */
async function adaptDevServer(host: string): Promise<void> {
  const { default: EleventyDevServer } = await import("@11ty/eleventy-dev-server");
  const prototype = EleventyDevServer.prototype as DevServer;
  if ((prototype as { hemeroteca?: boolean }).hemeroteca) return;
  (prototype as { hemeroteca?: boolean }).hemeroteca = true;
  for (const name of ["_serverListen", "sendError", "reload", "sendUpdateNotification"] as const) {
    if (typeof prototype[name] !== "function")
      throw new Error(
        `Eleventy's dev server has no \`${name}\`: the version in package.json is not the one src/site/dev-server.ts was written for`,
      );
  }
  prototype._serverListen = function (this: DevServer, port: number) {
    listening.add(this);
    this.server.listen({ port, host });
  };
  const { sendError, reload } = prototype;
  prototype.sendError = function (this: DevServer, event: { error: unknown }) {
    buildError = event.error;
    sendError.call(this, event);
    // The open pages reload, and get the error page.
    this.sendUpdateNotification({ type: "eleventy.reload", files: [] });
  };
  prototype.reload = function (this: DevServer, event: unknown) {
    const wasBroken = buildError !== undefined;
    buildError = undefined;
    // The pages showing the error reload in full (a reload naming no template does), whatever the build changed.
    return reload.call(this, wasBroken ? { files: [] } : event);
  };
}

/**
 * Wraps the dev server's class now, for a server started before any build has
 * begun its "before" steps (serve.ts, when the first build fails): it must
 * listen on the same host and show the same error page.
 */
export async function prepareDevServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await adaptDevServer(devServerHost(env));
}

/** Reloads the pages open in the browser, unless a build error stands (its page gives way only to a whole build). */
export function reloadOpenPages(): void {
  if (buildError === undefined) for (const server of listening) server.sendUpdateNotification({ type: "eleventy.reload", files: [] });
}

/** Makes `npm start` listen on localhost and show build errors in the browser. */
export function editFriendlyDevServer(eleventyConfig: DevServerConfig, env: NodeJS.ProcessEnv = process.env): void {
  const host = devServerHost(env);
  eleventyConfig.setServerOptions({
    // With another address, the server lists the machine's addresses besides localhost.
    showAllHosts: !LOOPBACK.has(host),
    onRequest: {
      "/*": ({ url }: { url: URL }) => {
        if (buildError === undefined || !asksForPage(url)) return undefined;
        return {
          status: 500,
          headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
          body: buildErrorPage(buildError, "/.11ty/reload-client.js"),
        };
      },
    },
  });
  // The server is made after the first build begins, and only by `--serve`.
  eleventyConfig.on("eleventy.before", async () => {
    if (process.env.ELEVENTY_RUN_MODE === "serve") await adaptDevServer(host);
  });
  // Eleventy reloads the open pages once the build has ended, the search index and data exports included, seconds
  // after the pages are written. Its "after" listeners run side by side, so this one runs as the pages are on disk:
  // the open pages reload now to show them (and again when the build ends). Not while an error page stands: that
  // gives way only once the whole build has succeeded.
  eleventyConfig.on("eleventy.after", reloadOpenPages);
}
