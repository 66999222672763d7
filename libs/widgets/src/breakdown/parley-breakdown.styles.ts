import { css } from 'lit';

export const breakdownStyles = css`
  .chart {
    color: var(--ink);
    min-height: 60px;
  }
  .chart svg {
    display: block;
  }
  .chart .mark {
    fill: var(--accent);
    cursor: pointer;
  }
  .chart .mark:hover,
  .chart .mark:focus-visible {
    fill: var(--ink);
  }
  .chart .mark:focus-visible,
  .segment:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  .chart-skeleton {
    height: 100%;
    min-height: 60px;
    border-radius: 4px;
    background: var(--surface-2);
  }
  .arc-layout {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space);
  }
  .arc-chart {
    flex: 0 0 auto;
    width: min(200px, 100%);
    height: auto;
    overflow: visible;
  }
  .segment {
    cursor: pointer;
    stroke: var(--surface);
    stroke-width: 1;
  }
  .segment:hover,
  .segment:focus-visible {
    stroke: var(--ink);
    stroke-width: 2;
  }
  .center {
    fill: var(--ink);
    font-size: 22px;
    font-weight: 650;
  }
  .legend {
    flex: 1 1 200px;
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
    font-variant-numeric: tabular-nums;
  }
  .legend li {
    display: grid;
    grid-template-columns: 12px 1fr auto auto;
    align-items: center;
    gap: 8px;
  }
  .swatch {
    width: 12px;
    height: 12px;
    border-radius: 3px;
  }
  .legend .percent {
    color: var(--muted);
    min-width: 4.5em;
    text-align: end;
  }
  .table .percent {
    color: var(--muted);
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    padding: 6px 4px;
    border-bottom: 1px solid var(--border);
    text-align: end;
  }
  .table th:first-child {
    text-align: start;
  }
  .table thead th {
    color: var(--muted);
    font-weight: 500;
    font-size: 0.875em;
  }
  .link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--accent);
    text-align: start;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .total {
    color: var(--muted);
    font-size: 0.875em;
  }
`;
