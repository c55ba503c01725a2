/**
 * `npm start`: Eleventy's watch and dev server, as its own command runs them
 * (`eleventy --serve`), except when the first build fails. Eleventy's command
 * then exits, so an editor who starts it on a collection with a mistake gets
 * no page at all. Here it serves anyway, every page being the error page
 * (dev-server.ts: file, line, field and check's hint for each problem), and
 * watches as usual: the save that fixes the mistake builds the site, and the
 * open pages reload to show it. It also builds again when an article is
 * deleted, which Eleventy's watcher does not.
 */
import { Eleventy } from "@11ty/eleventy";
import { prepareDevServer } from "./dev-server.ts";

export interface ServeOptions {
  /** Eleventy's configuration file, relative to the working folder. */
  configPath: string;
  /** The port asked for (Eleventy's `--port`); the server takes the next free one if it is taken. */
  port?: number;
  /** Where the command's own words go (Eleventy logs its own). */
  log?: (line: string) => void;
}

/** The parts of Eleventy's instance used here beyond its documented API, of the version package.json pins. */
interface EleventyInternals {
  write(): Promise<unknown>;
  eleventyFiles?: { getFiles(): Promise<unknown> };
}

/**
 * Builds once and watches, like Eleventy's `watch()`, but a failed first
 * build is answered with its error instead of ending the watch. `watch()`
 * builds with `write()` and then watches the template files that build
 * listed; a build stopped before listing them (content problems stop it in
 * its first step) has them listed here.
 */
async function buildAndWatch(eleventy: Eleventy): Promise<{ error: unknown } | undefined> {
  const internals = eleventy as unknown as EleventyInternals;
  const files = internals.eleventyFiles;
  if (typeof files?.getFiles !== "function")
    throw new Error(
      "Eleventy has no `eleventyFiles.getFiles()`: the version in package.json is not the one src/site/serve.ts was written for",
    );
  let failure: { error: unknown } | undefined;
  const write = internals.write;
  internals.write = async function (this: EleventyInternals) {
    try {
      return await write.call(this);
    } catch (error) {
      failure = { error };
      await files.getFiles();
      return [[], []];
    }
  };
  try {
    const rebuild = await eleventy.watch();
    // Eleventy's watcher builds again when a file is saved or added, not when one is deleted: a deleted article would
    // stay on the site, and deleting a broken file, a fix, would leave the error page standing.
    eleventy.watcher.on("unlink", (file) => {
      if (/\.(md|ya?ml)$/i.test(file)) void rebuild(file);
    });
  } finally {
    // The rebuilds use Eleventy's own `write()`, whose failures its watcher shows (dev-server.ts).
    delete (internals as Partial<EleventyInternals>).write;
  }
  return failure;
}

/** Runs `npm start` until it is interrupted. */
export async function serve(options: ServeOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const eleventy = new Eleventy(undefined, undefined, { source: "cli", quietMode: true, configPath: options.configPath, runMode: "serve" });
  await eleventy.init();
  // The server lists on localhost and shows the error page even when it starts after a failed build.
  await prepareDevServer();
  const failure = await buildAndWatch(eleventy);
  await eleventy.serve(options.port);
  if (failure) {
    // Eleventy has logged the error (with check's hints, for content). The server shows it in every page.
    await eleventy.eleventyServe.sendError(failure);
    log(
      "The site could not be built (above). Until it builds, every page of the server below shows these problems: fix what is named and save, and the open pages turn into the site.",
    );
  }
  process.on("SIGINT", async () => {
    await eleventy.stopWatch();
    process.exitCode = 0;
  });
}
