import { css } from 'lit';

export const heatmapStyles = css`
  .grid {
    width: 100%;
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
    font-variant-numeric: tabular-nums;
  }
  .grid th {
    font-weight: 400;
    color: var(--muted);
    font-size: 0.75em;
    padding: 0;
  }
  .grid thead th {
    text-align: center;
    overflow: visible;
    white-space: nowrap;
  }
  .grid thead th .hour-label {
    display: none;
  }
  /* Narrow: every sixth hour (column 1 is the corner, so hour h is child h + 2). */
  .grid thead th:nth-child(6n + 2) .hour-label {
    display: inline;
  }
  .grid tbody th {
    text-align: end;
    padding-inline-end: 6px;
    white-space: nowrap;
  }
  .corner {
    width: 3em;
  }
  .cell {
    height: 28px;
    padding: 0;
    border-radius: 3px;
    text-align: center;
    font-size: 0.6875em;
    cursor: pointer;
    color: var(--heat-ink-low);
  }
  .cell:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  .cell:hover {
    box-shadow: inset 0 0 0 2px var(--ink);
  }
  .count {
    display: none;
  }
  @container (min-width: 600px) {
    .count {
      display: inline;
    }
    .grid thead th .hour-label {
      display: inline;
    }
  }
  .level-0 {
    background: var(--heat-0);
  }
  .level-1 {
    background: var(--heat-1);
  }
  .level-2 {
    background: var(--heat-2);
  }
  .level-3 {
    background: var(--heat-3);
    color: var(--heat-ink-high);
  }
  .level-4 {
    background: var(--heat-4);
    color: var(--heat-ink-high);
  }
  .level-5 {
    background: var(--heat-5);
    color: var(--heat-ink-high);
  }
  .legend {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px;
    font-size: 0.8125em;
    color: var(--muted);
  }
  .swatches {
    display: inline-flex;
    gap: 2px;
  }
  .swatch {
    width: 18px;
    height: 12px;
    border-radius: 2px;
    border: 1px solid var(--border);
  }
  .range {
    margin-inline-start: auto;
  }
`;
