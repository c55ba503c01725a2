/**
 * A problem with the input (a file, a flag, a record that fails the contract),
 * as opposed to a bug: the CLI prints its message and exits non-zero, and
 * nothing has been written.
 */
export class ImportError extends Error {
  /** Further lines of detail (one problem each), printed under the message. */
  readonly details: readonly string[];
  constructor(message: string, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ImportError";
    this.details = options.details ?? [];
  }
}
