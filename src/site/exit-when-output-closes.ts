/**
 * Ends the build when whatever reads its output goes away (`npm run build |
 * head`, a CI log that was closed, a benchmark that was killed). The next
 * write then fails with EPIPE, which nothing handles; Eleventy's handler of
 * uncaught exceptions reports it on the same closed stream, which fails
 * again, and so on for ever, at full speed: such a build never ended. It
 * exits instead, with the status a shell gives a command killed by SIGPIPE.
 */
import { constants } from "node:os";

export const CLOSED_OUTPUT_STATUS = 128 + constants.signals.SIGPIPE;

function exitOnBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(CLOSED_OUTPUT_STATUS);
  throw error;
}

/** Listens on the streams once, however often the configuration is loaded (watch mode reloads it). */
export function exitWhenOutputCloses(streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) if (!stream.listeners("error").includes(exitOnBrokenPipe)) stream.on("error", exitOnBrokenPipe);
}
