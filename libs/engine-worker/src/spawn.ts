/**
 * Starts the page's engine worker from this module's own origin.
 *
 * When this bundle was loaded from another origin (a CDN), a worker cannot start from it directly;
 * a same-origin `blob:` module that imports the real worker script does the job instead. The
 * bundle's server must then send `Access-Control-Allow-Origin` (module imports are CORS requests)
 * and the page's CSP must allow `worker-src blob:`.
 */
export function spawnEngineWorker(): Worker {
  // Vite rewrites the worker URL only in the literal `new Worker(new URL(…, import.meta.url), …)`
  // form (toolchain.md "Workers"), so that form stays intact and the local `Worker` chooses how
  // the rewritten URL is started.
  const Worker = isSameOrigin(import.meta.url) ? globalThis.Worker : blobTrampoline(globalThis.Worker);
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/** The source of the `blob:` module that starts a worker script of another origin. */
export function trampolineSource(workerUrl: string): string {
  return `import ${JSON.stringify(workerUrl)};`;
}

function isSameOrigin(moduleUrl: string): boolean {
  return new URL(moduleUrl).origin === location.origin;
}

/** A `Worker` constructor that starts the given script through a same-origin `blob:` module. */
function blobTrampoline(Base: typeof Worker): typeof Worker {
  return class BlobTrampolineWorker extends Base {
    constructor(scriptUrl: string | URL, options?: WorkerOptions) {
      const source = new Blob([trampolineSource(String(scriptUrl))], { type: 'text/javascript' });
      // Not revoked: one small blob per page, and some browsers fetch the script after the
      // constructor returns.
      super(URL.createObjectURL(source), options);
    }
  };
}
