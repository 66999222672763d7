// Progress lines on stderr, so stdout stays the report (or the JSON array alone).

export type Log = (message: string) => void;

export function stderrLog(): Log {
  const start = performance.now();
  return (message) => {
    const seconds = ((performance.now() - start) / 1000).toFixed(1).padStart(6);
    process.stderr.write(`[bench ${seconds}s] ${message}\n`);
  };
}
