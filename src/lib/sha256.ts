/** The project's one SHA-256 helper: cache keys, digests of kept sources and exports, and the build comparison. */
import { createHash, type BinaryToTextEncoding } from "node:crypto";

/** The SHA-256 of `data` (a string is hashed as UTF-8), in hex unless another encoding is asked for. */
export function sha256(data: string | Uint8Array, encoding: BinaryToTextEncoding = "hex"): string {
  return createHash("sha256").update(data).digest(encoding);
}
