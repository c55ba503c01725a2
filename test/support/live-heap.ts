/**
 * The bytes of live data on this thread's heap: garbage is collected first,
 * so a test can tell what a structure keeps from what is merely not yet
 * collected. `--expose-gc` is set at run time and `gc` taken from a new
 * context, since the test workers are not started with it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export function liveHeapBytes(): number {
  // Twice: the first collection can leave what only finalizers freed.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
