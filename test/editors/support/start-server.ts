/** `npm start` as package.json runs it, for tests: on other articles, output and caches, and a port of its own. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { projectRoot } from "../../support/build-site.ts";
import { waitFor } from "../../support/wait-for.ts";

export interface StartedServer {
  child: ChildProcess;
  /** Everything it has written, both streams. */
  output: () => string;
  /** Its address once it listens, e.g. `http://localhost:23456`. */
  url: () => Promise<string>;
  /** Ends it and the processes it started. */
  stop: () => void;
}

export function startServer(articles: string, site: string, cache: string): StartedServer {
  const [node, ...args] = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts.start as string).split(/\s+/);
  expect(node).toBe("node");
  // A port unlikely to be taken; the server takes the next free one if it is, and says which.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [...args, `--port=${port}`], {
    cwd: projectRoot,
    env: { ...process.env, HEMEROTECA_ARTICLES: articles, HEMEROTECA_OUTPUT: site, HEMEROTECA_CACHE: cache, HEMEROTECA_HOST: "" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that its Pagefind processes end with it.
    detached: true,
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return {
    child,
    output: () => output,
    url: () =>
      waitFor(
        "the server's address",
        () => {
          if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
          return /Server at (http:\/\/localhost:\d+)\//.exec(output)?.[1];
        },
        { ms: 240_000, detail: () => output },
      ),
    stop: () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}

/** The local addresses listening on `port` (Linux: /proc/net/tcp and tcp6), as hexadecimal as the kernel writes them. */
export function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A")
      .map((fields) => fields[1]!.split(":")[0]!),
  );
}

/** 127.0.0.1 and ::1 as /proc/net writes them: never every interface (0.0.0.0 or ::). */
export const LOOPBACK_ADDRESSES = ["0100007F", "00000000000000000000000001000000"];
