/**
 * A link checker over a built site's folder: every internal `href`/`src` (and
 * `srcset`, form `action`, meta refresh) on every page must resolve to a built
 * file, and every `#fragment` to an element with that id. No server and no
 * network: pages nothing links to are checked too, external addresses never fetched.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Attributes that point at another resource, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  form: ["action"],
  use: ["href"],
};

export interface PageLinks {
  ids: Set<string>;
  refs: Array<{ url: string; where: string }>;
}

function walk(node: Node, visit: (element: Element) => void): void {
  if ("tagName" in node) visit(node);
  const children =
    node.nodeName === "template" && "content" in node ? node.content.childNodes : "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child as Node, visit);
}

export function htmlToLinks(source: string): PageLinks {
  const ids = new Set<string>();
  const refs: PageLinks["refs"] = [];
  walk(parse(source) as unknown as Node, (element) => {
    const attrs = new Map(element.attrs.map((a) => [a.name, a.value]));
    const id = attrs.get("id");
    if (id) ids.add(id);
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = attrs.get(name);
      if (value === undefined) continue;
      const where = `<${element.tagName} ${name}>`;
      if (name === "srcset") for (const candidate of value.split(",")) refs.push({ url: candidate.trim().split(/\s+/)[0] ?? "", where });
      else refs.push({ url: value, where });
    }
    if (element.tagName === "meta" && attrs.get("http-equiv")?.toLowerCase() === "refresh") {
      const target = /url=(.+)$/i.exec(attrs.get("content") ?? "")?.[1];
      if (target) refs.push({ url: target.trim(), where: "<meta refresh>" });
    }
  });
  return { ids, refs };
}

/** The file a static host serves for a site path (`/x/` is `x/index.html`), or undefined. */
async function pathToFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.join(root, decoded);
  if (!file.startsWith(root)) return undefined;
  try {
    const info = await stat(file);
    if (info.isFile()) return file;
    if (info.isDirectory() && pathname.endsWith("/")) {
      const index = path.join(file, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface LinkReport {
  checked: number;
  broken: string[];
}

/**
 * `pages` are paths relative to `root` (`2023/index.html`); `origin` is the
 * site's own address, so absolute links to it (canonical, feeds) count as
 * internal, and its path is where the site is served (`/archive/`): a link
 * outside it is broken.
 */
export async function findBrokenLinks(root: string, pages: readonly string[], origin: string): Promise<LinkReport> {
  const linksOf = new Map<string, PageLinks>();
  const idsOf = new Map<string, Set<string>>();
  for (const page of pages) {
    const links = htmlToLinks(await readFile(path.join(root, page), "utf8"));
    linksOf.set(page, links);
    idsOf.set(path.join(root, page), links.ids);
  }
  // Built without `SITE_URL` the pages hold only site-relative addresses: any origin will do to resolve them.
  const site = new URL(origin || "http://site.invalid/");
  // A site served below a path (`https://example.org/archive`) has its files under that path, and nothing outside it.
  const prefix = `${site.pathname.replace(/\/$/, "")}/`;
  const broken: string[] = [];
  let checked = 0;
  for (const [page, { refs }] of linksOf) {
    const pageUrl = new URL(`${prefix}${page.replace(/(^|\/)index\.html$/, "$1")}`, site.origin);
    for (const { url, where } of refs) {
      if (/^(mailto|tel|data):/i.test(url)) continue;
      const target = new URL(url, pageUrl);
      if (target.origin !== site.origin) continue;
      checked++;
      if (!target.pathname.startsWith(prefix)) {
        broken.push(`/${page}: ${where} \`${url}\`: outside the site's path ${prefix}`);
        continue;
      }
      const file = await pathToFile(root, `/${target.pathname.slice(prefix.length)}`);
      if (!file) {
        broken.push(`/${page}: ${where} \`${url}\`: nothing at ${target.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith(".html") && !idsOf.get(file)?.has(fragment)) {
        broken.push(`/${page}: ${where} \`${url}\`: no element with id \`${fragment}\``);
      }
    }
  }
  return { checked, broken };
}
