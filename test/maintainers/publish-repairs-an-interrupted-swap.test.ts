/**
 * What a build killed between the steps of publishing leaves is put right by
 * the next one (publish.ts): a swap cut between its two renames is finished,
 * an old site left aside goes, a half-made site goes and hands back the
 * version-control folder it had taken; and the lock names the build holding it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  acquireBuildLock,
  lockFileOf,
  publishStaging,
  releaseBuildLock,
  repairInterruptedPublish,
  stagingFolderOf,
} from "../../src/build/output/publish.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

function siteWith(folder: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
}

const read = (folder: string, file: string) => readFileSync(path.join(folder, file), "utf8");

describe("publishing", () => {
  it("swaps a whole new site in, carrying the version-control folder over, and leaves nothing beside it", async () => {
    const parent = await tempDir("publish-unit");
    const site = path.join(parent, "site");
    siteWith(site, { "index.html": "old", ".git/HEAD": "ref" });
    const staging = stagingFolderOf(site);
    siteWith(staging, { "index.html": "new" });
    publishStaging(staging, site);
    expect(read(site, "index.html")).toBe("new");
    expect(read(site, ".git/HEAD")).toBe("ref");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("finishes a swap cut between its renames: the old site aside, the whole new one beside it", async () => {
    const parent = await tempDir("publish-unit");
    const site = path.join(parent, "site");
    siteWith(path.join(parent, ".site.old"), { "index.html": "old" });
    siteWith(stagingFolderOf(site), { "index.html": "new", ".git/HEAD": "ref" });
    repairInterruptedPublish(site);
    expect(read(site, "index.html")).toBe("new");
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("removes a half-made site, handing back the version-control folder it had taken, and an old site left aside", async () => {
    const parent = await tempDir("publish-unit");
    const site = path.join(parent, "site");
    siteWith(site, { "index.html": "old" });
    siteWith(stagingFolderOf(site), { "half.html": "half", ".git/HEAD": "ref" });
    siteWith(path.join(parent, ".site.old"), { "index.html": "older" });
    repairInterruptedPublish(site);
    expect(read(site, "index.html")).toBe("old");
    expect(read(site, ".git/HEAD")).toBe("ref");
    expect(existsSync(path.join(site, "half.html"))).toBe(false);
    expect(readdirSync(parent)).toEqual(["site"]);
  });

  it("puts the old site back when it was set aside and no new site was whole", async () => {
    const parent = await tempDir("publish-unit");
    const site = path.join(parent, "site");
    siteWith(path.join(parent, ".site.old"), { "index.html": "old" });
    repairInterruptedPublish(site);
    expect(read(site, "index.html")).toBe("old");
  });

  it("lets one process hold a site's lock, and stops another naming the holder's pid", async () => {
    const parent = await tempDir("publish-unit");
    const site = path.join(parent, "site");
    acquireBuildLock(site);
    acquireBuildLock(site);
    expect(readFileSync(lockFileOf(site), "utf8")).toMatch(new RegExp(`^pid ${process.pid}\n`));
    releaseBuildLock(site);
    expect(existsSync(lockFileOf(site))).toBe(false);
    // The parent of this test process is alive, and is not this process.
    writeFileSync(lockFileOf(site), `pid ${process.ppid}\nstarted 2020-01-01T00:00:00.000Z\n`);
    expect(() => acquireBuildLock(site)).toThrow(`Another build (pid ${process.ppid}) is writing the site \`${site}\``);
    expect(read(parent, ".site.lock")).toContain(`pid ${process.ppid}`);
  });
});
