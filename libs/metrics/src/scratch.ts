// Reusable scratch buffers for values that live only during one synchronous aggregate call.
// Allocating a fresh typed array per query makes V8 account external memory and collect the
// (large) heap far more often; queries run one at a time, so each call site owns one buffer.

type Buffer = Float64Array | Uint32Array;

function pool<T extends Buffer>(make: new (length: number) => T): (site: string, length: number) => T {
  const buffers = new Map<string, T>();
  return (site, length) => {
    let buffer = buffers.get(site);
    if (!buffer || buffer.length < length) {
      buffer = new make(Math.max(length, (buffer?.length ?? 0) * 2, 1024));
      buffers.set(site, buffer);
    }
    return buffer;
  };
}

/** A Float64Array of at least `length` for `site`; its content is garbage until written. */
export const scratchFloat64 = pool(Float64Array);

/** A Uint32Array of at least `length` for `site`; its content is garbage until written. */
export const scratchUint32 = pool(Uint32Array);
