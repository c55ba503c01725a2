/** Waiting in tests for something another process does. */

export interface WaitOptions {
  /** Give up after this long (default 90 s). */
  ms?: number;
  /** Run now and then while waiting (every 2 s), to make what is awaited happen again. */
  poke?: () => Promise<void>;
  /** More to say when giving up (a process's output). */
  detail?: () => string;
}

/** Checks `probe` every 50 ms until it answers something other than undefined, and answers that. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, options: WaitOptions = {}): Promise<T> {
  const until = Date.now() + (options.ms ?? 90_000);
  let poked = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Gave up waiting for ${what}${options.detail ? `:\n${options.detail()}` : ""}`);
    if (options.poke && Date.now() - poked > 2000) {
      await options.poke();
      poked = Date.now();
    }
    // The pause between two looks at the condition, not a wait of its own.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
