// Process memory helpers (the bench runs with --expose-gc; without it, gc is skipped).

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function residentBytes(): number {
  return process.memoryUsage.rss();
}

/** Highest RSS seen by the process so far (bytes), from the kernel's accounting. */
export function peakResidentBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
