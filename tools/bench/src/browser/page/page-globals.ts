// The handful of globals a bench page exposes to the Node driver (puppeteer's page.evaluate).

/** Sets `globalThis[name]`, where the driver reads it. */
export function exposeToDriver(name: string, value: unknown): void {
  (globalThis as unknown as Record<string, unknown>)[name] = value;
}

/** Page-clock milliseconds since navigation start (performance.timeOrigin). */
export const now = (): number => performance.now();
