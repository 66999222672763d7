import { arc, pie, type PieArcDatum } from 'd3-shape';
import { html, svg, type TemplateResult } from 'lit';

// The arc (donut) chart: Plot has no arc mark, so d3-shape computes the paths and Lit renders them
// as SVG. Each segment is focusable and labelled, and activates with a click, Enter or Space.

export interface ArcDatum {
  count: number;
  /** The segment's accessible name: "New: 1,234 (57.1%)". */
  ariaLabel: string;
  /** A CSS colour, e.g. `var(--series-1)`. */
  color: string;
}

export interface ArcChartOptions<D extends ArcDatum> {
  /** The chart's accessible name. */
  label: string;
  /** Text in the hole (the total), optional. */
  center?: string;
  /** Outer radius in user units (the SVG scales to its box). */
  radius?: number;
  onActivate: (datum: D, index: number) => void;
}

/** The segments' geometry: start/end angles and the SVG path of each datum, in input order. */
export function arcSegments<D extends ArcDatum>(data: readonly D[], radius = 100): { datum: D; index: number; path: string; startAngle: number; endAngle: number }[] {
  const layout = pie<D>()
    .value((datum) => datum.count)
    .sort(null)
    .padAngle(data.length > 1 ? 0.012 : 0);
  const shape = arc<PieArcDatum<D>>()
    .innerRadius(radius * 0.58)
    .outerRadius(radius)
    .cornerRadius(2);
  return layout([...data]).map((slice) => ({ datum: slice.data, index: slice.index, path: shape(slice) ?? '', startAngle: slice.startAngle, endAngle: slice.endAngle }));
}

function activateOnKey<D>(event: KeyboardEvent, datum: D, index: number, onActivate: (datum: D, index: number) => void): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  onActivate(datum, index);
}

export function arcChart<D extends ArcDatum>(data: readonly D[], options: ArcChartOptions<D>): TemplateResult {
  const radius = options.radius ?? 100;
  const segments = arcSegments(data, radius);
  return html`<svg
    class="arc-chart"
    part="arc"
    viewBox="${-radius - 4} ${-radius - 4} ${2 * radius + 8} ${2 * radius + 8}"
    role="group"
    aria-label=${options.label}
  >
    ${segments.map(
      ({ datum, index, path }) =>
        svg`<path
          class="segment"
          part="segment"
          d=${path}
          style=${`fill: ${datum.color}`}
          tabindex="0"
          role="button"
          aria-label=${datum.ariaLabel}
          @click=${() => options.onActivate(datum, index)}
          @keydown=${(event: KeyboardEvent) => activateOnKey(event, datum, index, options.onActivate)}
        ><title>${datum.ariaLabel}</title></path>`,
    )}
    ${options.center ? svg`<text class="center" text-anchor="middle" dominant-baseline="central" aria-hidden="true">${options.center}</text>` : ''}
  </svg>`;
}
