// On the page static hosts serve for an address that does not exist (/404.html): a link to the
// nearest page that does, the archive page whose address begins the one asked for. A day's address
// (/2023/01/09/) leads to its month, a mistyped article address to its month or year, a list page
// past the last to the list. The archive's addresses come in the page as JSON, from the site's root;
// where the site is below a path, this script's own address tells which.
const addresses = document.getElementById("archive-addresses");
const nearest = document.getElementById("nearest-page");
const base = new URL(".", import.meta.url).pathname;
const asked = location.pathname;
if (addresses && nearest && asked.startsWith(base)) {
  const wanted = `/${asked.slice(base.length)}`;
  let best;
  for (const entry of JSON.parse(addresses.textContent ?? "[]")) {
    if (wanted.startsWith(entry.url) && wanted !== entry.url && (!best || entry.url.length > best.url.length)) best = entry;
  }
  const link = nearest.querySelector("a");
  if (best && link) {
    link.href = `${base}${best.url.slice(1)}`;
    link.textContent = best.title;
    nearest.hidden = false;
  }
}
