// `@11ty/eleventy-dev-server` ships no types; src/site/dev-server.ts declares the parts it wraps.
declare module "@11ty/eleventy-dev-server" {
  const EleventyDevServer: { prototype: object };
  export default EleventyDevServer;
}
