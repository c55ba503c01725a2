/**
 * Launches Debian's Chromium through playwright-core. The browser is not
 * downloaded by any package: install it with `apt-get install chromium`
 * (`.ci/run` does), or point CHROMIUM_PATH at another Chromium.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { assertSiteTier } from "./tier.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests drive a real Chromium: ` +
        "install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertSiteTier("starts Chromium");
  assertChromiumInstalled();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}
