// Shared by the built-bundle tests (plain JavaScript: nothing transforms these files).

/** @typedef {{ entries: Record<string, string>, chunks: Record<string, { imports: string[] }>, workers: string[] }} BundleGraph */

/** The graph `npm run build` wrote beside dist/widgets (served from the repository root). @returns {Promise<BundleGraph>} */
export async function builtGraph() {
  const response = await fetch('/dist/widgets.graph.json');
  if (!response.ok) throw new Error(`dist/widgets.graph.json: ${response.status} — run npm run build`);
  return response.json();
}

/** Widget bundles of the build (`parley-<name>`), without the engine client's `parley`. @param {BundleGraph} graph */
export function widgetNames(graph) {
  return Object.keys(graph.entries).filter((name) => name.startsWith('parley-'));
}

/** The second origin of tools/browser-tests (a proxy of this server on another port). @returns {Promise<string>} */
export async function secondOrigin() {
  const { origin } = await (await fetch('/__parley/second-origin.json')).json();
  return origin;
}

/** Adds `<script type="module" src>` to `doc` and resolves once it ran; rejects when it failed to load. */
export function addModuleScript(src, doc = document) {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`${src} failed to load`));
    doc.head.append(script);
  });
}

/** Resolves with `read()`'s first truthy value; rejects with `message` after `timeoutMs`. */
export async function waitFor(read, message, timeoutMs = 20_000) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (performance.now() > until) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An iframe on `url`, once loaded. @returns {Promise<HTMLIFrameElement>} */
export function openFrame(url) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
    frame.onload = () => resolve(frame);
    frame.onerror = () => reject(new Error(`${url} did not load`));
    frame.src = url;
    document.body.append(frame);
  });
}

/** The page's engine registry (libs/engine-client): protocol version → { engine, worker }. */
export function engineRegistry(win = window) {
  return win[Symbol.for('parley.engine-registry')];
}

/** What a metric card shows, read through the engine client of the build: `overview[measure]`. */
export async function overviewValue(client, measure, preset = 'last-30-days') {
  const answer = await client.Parley.query({ section: 'conversations.overview', period: { preset } });
  return answer.value[measure.replace('conversations.', '')];
}
