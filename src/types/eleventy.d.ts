// `@11ty/eleventy` ships no types for its programmatic API; src/site/serve.ts declares the parts it uses.
declare module "@11ty/eleventy" {
  export class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { source?: "cli" | "script"; quietMode?: boolean; configPath?: string; runMode?: "build" | "watch" | "serve" },
    );
    init(): Promise<void>;
    restart(): Promise<void>;
    /** Builds, then watches; answers the function its watcher calls with a changed file's path, which builds again. */
    watch(): Promise<(file: string) => Promise<void>>;
    /** Its file watcher, once `watch()` has started it. */
    watcher: { on(event: "unlink", listener: (file: string) => void): unknown };
    stopWatch(): Promise<void>;
    serve(port?: number): Promise<void>;
    initWatch(): Promise<void>;
    getWatchedFiles(): Promise<string[]>;
    getChokidarConfig(): Record<string, unknown>;
    eleventyServe: {
      sendError(event: { error: unknown }): Promise<void>;
      reload(event?: Record<string, unknown>): Promise<void>;
    };
  }
}

// Eleventy's own file watcher (chokidar 4 with glob support), used to watch the same files as Eleventy.
declare module "@11ty/chokidar-with-glob-support" {
  interface Watcher {
    on(event: "all", listener: (event: string, path: string) => void): Watcher;
    on(event: "error", listener: (error: unknown) => void): Watcher;
    close(): Promise<void>;
  }
  const chokidar: { watch(paths: string | readonly string[], options?: Record<string, unknown>): Watcher };
  export default chokidar;
}
