// Preloaded into the build under test (`NODE_OPTIONS=--import ...`): any attempt to reach
// the network (a DNS lookup, a TCP connection, fetch) is refused and logged to
// $HEMEROTECA_NETWORK_LOG, so a test can prove the build never goes online.
import dns from "node:dns";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

const log = process.env.HEMEROTECA_NETWORK_LOG;
function refuse(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  return new Error(`network access refused during the build: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // Node calls it with an options object, `(port, host)`, `(path)`, or internally with `[options, callback]`.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : undefined;
  // Local pipes (a path and no port) are how processes talk to each other: allowed. HTTP passes its
  // request path as `path` too, so a port always means the network.
  const pipe = options ? options.port === undefined && options.path !== undefined : typeof first === "string" && !/^\d+$/.test(first);
  if (pipe) return connect.apply(this, args);
  const target = options ? `${options.host ?? "localhost"}:${options.port}` : `${args[1] ?? "localhost"}:${args[0]}`;
  throw refuse(`tcp ${target}`);
};
for (const name of ["lookup", "resolve", "resolve4", "resolve6"]) {
  if (typeof dns[name] === "function")
    dns[name] = (host) => {
      throw refuse(`dns ${name} ${host}`);
    };
  if (dns.promises && typeof dns.promises[name] === "function")
    dns.promises[name] = async (host) => {
      throw refuse(`dns ${name} ${host}`);
    };
}
if (typeof globalThis.fetch === "function") {
  globalThis.fetch = async (input) => {
    throw refuse(`fetch ${String(input && input.url ? input.url : input)}`);
  };
}
syncBuiltinESMExports();
