/**
 * A static host for the search benchmark, serving a built site as GitHub
 * Pages does in the respects that set what a reader downloads: text files
 * gzipped when the browser accepts it, everything else as stored (Pagefind's
 * index files and WebAssembly are gzipped by Pagefind itself), and a
 * `Cache-Control: max-age=600`, so a second search in the same browser
 * context fetches only what it has not fetched yet. It records every
 * response's body bytes as sent, so a measurement counts bytes on the wire
 * rather than file sizes.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Content types by extension; the ones marked `true` are text, gzipped. */
const TYPES: Record<string, [string, boolean]> = {
  ".html": ["text/html; charset=utf-8", true],
  ".css": ["text/css; charset=utf-8", true],
  ".js": ["text/javascript; charset=utf-8", true],
  ".mjs": ["text/javascript; charset=utf-8", true],
  ".json": ["application/json", true],
  ".xml": ["application/xml", true],
  ".svg": ["image/svg+xml", true],
  ".txt": ["text/plain; charset=utf-8", true],
  ".csv": ["text/csv; charset=utf-8", true],
  ".jsonl": ["application/x-ndjson", true],
  ".wasm": ["application/wasm", false],
  ".png": ["image/png", false],
};

/** One response, as sent. */
export interface ServedResponse {
  path: string;
  status: number;
  /** Body bytes as sent: compressed when `gzip`. */
  bytes: number;
  gzip: boolean;
}

export interface GzipStaticServer {
  url: string;
  /** Every response so far, in the order they were finished. */
  readonly responses: readonly ServedResponse[];
  /** The responses since the last call (or since the start), which are then no longer counted by the next. */
  take(): ServedResponse[];
  /** Requests answered or being answered now. */
  inFlight(): number;
  close(): Promise<void>;
}

/** True when the request's `Accept-Encoding` allows gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part
      .trim()
      .split(";")
      .map((text) => text.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.find((param) => param.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Serves `root` at `http://127.0.0.1:<port>/`; `/` and folders answer with their `index.html`. */
export async function serveGzipped(root: string): Promise<GzipStaticServer> {
  const base = path.resolve(root);
  const responses: ServedResponse[] = [];
  let taken = 0;
  let inFlight = 0;
  // Compressed once per file: the host's own cost is not what is measured, and the machine is shared.
  const gzipped = new Map<string, Buffer>();

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<ServedResponse> => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(base, path.normalize(requested));
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return { path: requested, status: 403, bytes: 0, gzip: false };
    }
    let status = 200;
    let body: Buffer;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      body = await readFile(file);
    } catch {
      status = 404;
      file = path.join(base, "404.html");
      body = await readFile(file).catch(() => Buffer.from("not found"));
    }
    const [type, text] = TYPES[path.extname(file)] ?? ["application/octet-stream", false];
    const gzip = text && acceptsGzip(request.headers["accept-encoding"]);
    if (gzip) {
      const key = `${status} ${file}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
      body = gzipped.get(key)!;
    }
    response.writeHead(status, {
      "content-type": type,
      "content-length": body.length,
      "cache-control": "max-age=600",
      ...(gzip ? { "content-encoding": "gzip", vary: "Accept-Encoding" } : {}),
    });
    response.end(body);
    return { path: requested, status, bytes: body.length, gzip };
  };

  const server: Server = createServer((request, response) => {
    inFlight++;
    answer(request, response)
      .then((served) => responses.push(served))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      })
      .finally(() => inFlight--);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    responses,
    take() {
      const since = responses.slice(taken);
      taken = responses.length;
      return since;
    },
    inFlight: () => inFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
