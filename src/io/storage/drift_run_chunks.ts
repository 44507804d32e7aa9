/**
 * Drift run particle blobs are stored in chunks (table drift_run_particles), each written by its
 * own statement: an 18 MB blob written at once held SQLite's synchronous API (and PostgreSQL's hex
 * encoding of a bytea parameter) for a fifth of a second on the thread that answers requests.
 */
export const DRIFT_PARTICLE_CHUNK_BYTES = 1024 * 1024;

/** The chunks of a blob, in order (one empty chunk for an empty blob). */
export function chunksOf(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength || chunks.length === 0; at += DRIFT_PARTICLE_CHUNK_BYTES) chunks.push(bytes.subarray(at, at + DRIFT_PARTICLE_CHUNK_BYTES));
  return chunks;
}

/** The blob again from its chunks in order; null when they do not add up to `size` bytes (a write cut short). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array | null {
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  if (total !== size) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}
