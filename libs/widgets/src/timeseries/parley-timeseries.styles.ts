import { css } from 'lit';

export const timeseriesStyles = css`
  .chart {
    color: var(--ink);
    min-height: 220px;
  }
  .chart svg {
    display: block;
  }
  .chart .mark {
    cursor: pointer;
  }
  .chart .series-opened,
  .swatch.series-opened {
    fill: var(--series-1);
    background: var(--series-1);
  }
  .chart .series-closed,
  .swatch.series-closed {
    fill: var(--series-2);
    background: var(--series-2);
  }
  .chart .mark:hover,
  .chart .mark:focus-visible {
    fill: var(--ink);
  }
  .chart .mark:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  .chart-skeleton {
    height: 220px;
    border-radius: 4px;
    background: var(--surface-2);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    margin: 0;
    padding: 0;
    font-variant-numeric: tabular-nums;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    width: 12px;
    height: 12px;
    border-radius: 3px;
  }
  .legend .total {
    font-weight: 600;
  }
`;
