/**
 * Keeps the unit tier (`npm run test:unit`) fast: a test file of that tier
 * that starts a build or a browser fails at once, instead of quietly making
 * the tier slow. vitest.config.ts lists the files of the `site` tier.
 */
export function assertSiteTier(what: string): void {
  if (process.env.HEMEROTECA_TEST_TIER === "unit") {
    throw new Error(`This test ${what}, which the unit tier never does: add its file to SITE_TESTS in vitest.config.ts`);
  }
}
