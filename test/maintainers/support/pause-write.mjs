// Preloaded into the build under test (`NODE_OPTIONS=--import ...`): the first time the build's main
// thread writes a file whose path holds $HEMEROTECA_PAUSE_AT, it creates $HEMEROTECA_PAUSE_SIGNAL
// and waits, blocked, until the file $HEMEROTECA_PAUSE_GO exists (or, with $HEMEROTECA_PAUSE_AFTER_RENAME_TO,
// just after it renames something to a path holding that). A test can so hold a build at a
// known point for as long as it needs, without guessing how long the build takes.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { isMainThread } from "node:worker_threads";

const at = process.env.HEMEROTECA_PAUSE_AT;
const signal = process.env.HEMEROTECA_PAUSE_SIGNAL;
const go = process.env.HEMEROTECA_PAUSE_GO;
if (isMainThread && at && signal && go) {
  let paused = false;
  const writeFileSync = fs.writeFileSync;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const pauseAt = (file) => {
    if (paused || typeof file !== "string" || !file.includes(at)) return;
    paused = true;
    writeFileSync.call(fs, signal, `${process.pid}\n`);
    while (!fs.existsSync(go)) Atomics.wait(sleeper, 0, 0, 20);
  };
  fs.writeFileSync = function (file, ...rest) {
    pauseAt(file);
    return writeFileSync.call(this, file, ...rest);
  };
  const writeFile = fs.promises.writeFile;
  fs.promises.writeFile = function (file, ...rest) {
    pauseAt(file);
    return writeFile.call(this, file, ...rest);
  };
  // HEMEROTECA_PAUSE_AFTER_RENAME_TO: holds the build just after it renames something to a path holding that text.
  const renameTo = process.env.HEMEROTECA_PAUSE_AFTER_RENAME_TO;
  const renameSync = fs.renameSync;
  fs.renameSync = function (from, to) {
    const result = renameSync.call(this, from, to);
    if (renameTo && typeof to === "string" && to.includes(renameTo)) pauseAt(at);
    return result;
  };
  syncBuiltinESMExports();
}
