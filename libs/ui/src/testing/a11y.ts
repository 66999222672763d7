import type { AxeResults, RunOptions } from 'axe-core';

// axe-core in the test page: loaded once as a classic script (its UMD build sets `window.axe`).

type Axe = { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };

let loading: Promise<Axe> | null = null;

function loadAxe(): Promise<Axe> {
  loading ??= new Promise<Axe>((resolve, reject) => {
    const existing = (window as unknown as { axe?: Axe }).axe;
    if (existing) return resolve(existing);
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return loading;
}

/** Runs axe (WCAG 2.x A/AA and best practices) over `element`; throws listing every violation. */
export async function expectAccessible(element: Element, options: RunOptions = {}): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(element, { resultTypes: ['violations'], ...options });
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('\n    ')}`);
  throw new Error(`axe found ${results.violations.length} violation(s):\n  ${lines.join('\n  ')}`);
}
