// Preloaded into the build under test (`NODE_OPTIONS=--import ...`): the disk fills up. Once
// $HEMEROTECA_DISK_FULL_AFTER files have been written under $HEMEROTECA_DISK_FULL_UNDER, every
// further write, copy or folder made there fails with ENOSPC, as on a full disk.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

const under = process.env.HEMEROTECA_DISK_FULL_UNDER ? path.resolve(process.env.HEMEROTECA_DISK_FULL_UNDER) : undefined;
const budget = Number(process.env.HEMEROTECA_DISK_FULL_AFTER ?? "0");
let written = 0;

function full(target) {
  if (!under || (typeof target !== "string" && !(target instanceof URL))) return undefined;
  const file = path.resolve(target instanceof URL ? target.pathname : target);
  if (file !== under && !file.startsWith(`${under}${path.sep}`)) return undefined;
  if (written++ < budget) return undefined;
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
    path: file,
  });
}

const wrap = (object, name, argument = 0) => {
  const original = object[name];
  object[name] = function (...args) {
    const error = full(args[argument]);
    if (error) throw error;
    return original.apply(this, args);
  };
};
const wrapAsync = (object, name, argument = 0) => {
  const original = object[name];
  object[name] = async function (...args) {
    const error = full(args[argument]);
    if (error) throw error;
    return original.apply(this, args);
  };
};
const wrapCallback = (object, name, argument = 0) => {
  const original = object[name];
  object[name] = function (...args) {
    const error = full(args[argument]);
    if (error) {
      const callback = args.at(-1);
      if (typeof callback === "function") return process.nextTick(callback, error);
      throw error;
    }
    return original.apply(this, args);
  };
};

for (const name of ["writeFileSync", "appendFileSync", "mkdirSync", "linkSync"]) wrap(fs, name, name === "linkSync" ? 1 : 0);
wrap(fs, "copyFileSync", 1);
wrap(fs, "createWriteStream");
for (const name of ["writeFile", "appendFile", "mkdir"]) wrapCallback(fs, name);
wrapCallback(fs, "copyFile", 1);
for (const name of ["writeFile", "appendFile", "mkdir"]) wrapAsync(fs.promises, name);
wrapAsync(fs.promises, "copyFile", 1);
wrapAsync(fs.promises, "link", 1);
syncBuiltinESMExports();
