import type * as PlotModule from '@observablehq/plot';

// Observable Plot is loaded on first use only: a widget that never draws with it (card, heatmap)
// never downloads it, and one that does gets it as its own chunk.

export type Plot = typeof PlotModule;

let plot: Promise<Plot> | null = null;

export function loadPlot(): Promise<Plot> {
  plot ??= import('@observablehq/plot');
  return plot;
}

/** Plot's element, an `<svg>` or a `<figure>` around one. */
export type PlotElement = SVGSVGElement | HTMLElement;

/** Plot's own style, adjusted to inherit the widget's colour and font. */
export const plotStyle = 'background: transparent; color: inherit; font: inherit; font-size: 12px; overflow: visible; max-width: 100%; height: auto;';

/**
 * Makes a Plot mark's shapes focusable and activatable: each element matching `selector` whose bound
 * datum is an index into `data` gets `tabindex="0"`, `role="button"`, its label and a class, and
 * calls `onActivate` on click, Enter or Space. Plot binds each shape to its index (d3's `__data__`).
 */
export function activateMarks<D>(
  chart: PlotElement,
  selector: string,
  data: readonly D[],
  describe: (datum: D, index: number) => { label: string; className?: string },
  onActivate: (datum: D, index: number) => void,
): number {
  let count = 0;
  for (const shape of chart.querySelectorAll<SVGElement>(selector)) {
    const index = (shape as unknown as { __data__?: unknown }).__data__;
    if (typeof index !== 'number' || index < 0 || index >= data.length) continue;
    const datum = data[index];
    const { label, className } = describe(datum, index);
    shape.setAttribute('tabindex', '0');
    shape.setAttribute('role', 'button');
    shape.setAttribute('aria-label', label);
    shape.setAttribute('part', 'mark');
    shape.classList.add('mark');
    if (className) shape.classList.add(className);
    shape.dataset.index = String(index);
    shape.addEventListener('click', () => onActivate(datum, index));
    shape.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onActivate(datum, index);
    });
    count++;
  }
  return count;
}
