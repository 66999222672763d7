import { css, unsafeCSS, type CSSResult } from 'lit';

// Design tokens. A host page themes every widget with `--parley-*` custom properties (they inherit
// through shadow roots); inside a component, short unprefixed variables on `:host` read them with a
// default per theme. Light by default, dark under `prefers-color-scheme: dark` or `theme="dark"`;
// `theme="light"` forces light. A token set by the host applies to both themes (set it inside the
// host's own `prefers-color-scheme` rule to vary it). Defaults meet WCAG AA: text ≥ 4.5:1 on its
// background (heatmap cells carry their own ink per level).

/** Internal variable → [global token, light default, dark default]. */
const tokens: Record<string, readonly [string, string, string]> = {
  font: ['--parley-font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", sans-serif', 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", sans-serif'],
  'font-size': ['--parley-font-size', '14px', '14px'],
  radius: ['--parley-radius', '8px', '8px'],
  space: ['--parley-space', '12px', '12px'],
  surface: ['--parley-color-surface', '#ffffff', '#0f172a'],
  'surface-2': ['--parley-color-surface-raised', '#f1f5f9', '#1e293b'],
  ink: ['--parley-color-text', '#1e293b', '#e2e8f0'],
  muted: ['--parley-color-text-muted', '#475569', '#94a3b8'],
  border: ['--parley-color-border', '#cbd5e1', '#334155'],
  accent: ['--parley-color-accent', '#1d4ed8', '#60a5fa'],
  'accent-ink': ['--parley-color-accent-text', '#ffffff', '#0f172a'],
  'accent-2': ['--parley-color-accent-2', '#c2410c', '#fb923c'],
  focus: ['--parley-color-focus', '#2563eb', '#93c5fd'],
  danger: ['--parley-color-danger', '#b91c1c', '#f87171'],
  'warning-bg': ['--parley-color-warning-surface', '#fef3c7', '#422006'],
  'warning-ink': ['--parley-color-warning-text', '#92400e', '#fcd34d'],
  'heat-0': ['--parley-color-heat-0', '#f1f5f9', '#1e293b'],
  'heat-1': ['--parley-color-heat-1', '#dbeafe', '#1e3a8a'],
  'heat-2': ['--parley-color-heat-2', '#93c5fd', '#1d4ed8'],
  'heat-3': ['--parley-color-heat-3', '#2563eb', '#60a5fa'],
  'heat-4': ['--parley-color-heat-4', '#1d4ed8', '#93c5fd'],
  'heat-5': ['--parley-color-heat-5', '#1e3a8a', '#dbeafe'],
  'heat-ink-low': ['--parley-color-heat-text-low', '#0f172a', '#ffffff'],
  'heat-ink-high': ['--parley-color-heat-text-high', '#ffffff', '#0f172a'],
  'series-1': ['--parley-color-series-1', '#1d4ed8', '#60a5fa'],
  'series-2': ['--parley-color-series-2', '#c2410c', '#fb923c'],
  'series-3': ['--parley-color-series-3', '#047857', '#34d399'],
  'series-4': ['--parley-color-series-4', '#7c3aed', '#a78bfa'],
  'series-5': ['--parley-color-series-5', '#be185d', '#f472b6'],
  'series-6': ['--parley-color-series-6', '#0e7490', '#22d3ee'],
  'series-7': ['--parley-color-series-7', '#a16207', '#facc15'],
  'series-8': ['--parley-color-series-8', '#475569', '#94a3b8'],
};

/** The number of categorical colours (`--series-1` …); arcs and legends cycle through them. */
export const seriesColorCount = 8;

/** The global token names, for documentation and tests. */
export const tokenNames: readonly string[] = [...new Set(Object.values(tokens).map(([name]) => name))];

function declarations(theme: 1 | 2): string {
  return Object.entries(tokens)
    .map(([name, values]) => `--${name}: var(${values[0]}, ${values[theme]});`)
    .join('\n');
}

/** Token defaults on `:host`, per theme. Every Parley element includes it first. */
export const themeStyles: CSSResult = css`
  :host {
    ${unsafeCSS(declarations(1))}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${unsafeCSS(declarations(2))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(declarations(2))}
      color-scheme: dark;
    }
  }
  :host {
    font-family: var(--font);
    font-size: var(--font-size);
    line-height: 1.4;
    color: var(--ink);
  }
  :host([hidden]) {
    display: none;
  }
  :where(:focus-visible) {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
`;
