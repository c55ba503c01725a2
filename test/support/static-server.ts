/** A small static file server for built sites: Pagefind needs HTTP (modules and wasm), not file://. */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".jsonl": "application/x-ndjson",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".bib": "application/x-bibtex; charset=utf-8",
  ".ris": "application/x-research-info-systems; charset=utf-8",
};

export interface StaticServer {
  url: string;
  /** The path of every request so far, in order, workers' included. */
  requested: string[];
  close(): Promise<void>;
}

/** With `prefix` (`/archive/`), the folder is served below that path, as a project site is, and nothing outside it. */
export async function serveDirectory(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const log: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    log.push(requested);
    if (!requested.startsWith(prefix)) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: outside ${prefix}`);
      return;
    }
    const pathname = `/${requested.slice(prefix.length)}`;
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      const notFound = await readFile(path.join(root, "404.html")).catch(() => Buffer.from("not found"));
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested: log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
