// Reusable scratch buffers for values that live only during one synchronous aggregate call.
// Allocating a fresh typed array per query makes V8 account external memory and collect the
// (large) heap far more often; queries run one at a time, so each call site owns one buffer.

const float64Buffers = new Map<string, Float64Array>();

/** A Float64Array of at least `length` for `site`; its content is garbage until written. */
export function scratchFloat64(site: string, length: number): Float64Array {
  let buffer = float64Buffers.get(site);
  if (!buffer || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, (buffer?.length ?? 0) * 2, 1024));
    float64Buffers.set(site, buffer);
  }
  return buffer;
}

const uint32Buffers = new Map<string, Uint32Array>();

/** A Uint32Array of at least `length` for `site`; its content is garbage until written. */
export function scratchUint32(site: string, length: number): Uint32Array {
  let buffer = uint32Buffers.get(site);
  if (!buffer || buffer.length < length) {
    buffer = new Uint32Array(Math.max(length, (buffer?.length ?? 0) * 2, 1024));
    uint32Buffers.set(site, buffer);
  }
  return buffer;
}
