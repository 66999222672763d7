import { css } from 'lit';

export const metricCardStyles = css`
  .card {
    display: block;
    width: 100%;
    text-align: start;
    background: none;
    border: 0;
    border-radius: calc(var(--radius) * 0.75);
    padding: 2px 4px;
    margin: -2px -4px;
    color: inherit;
    cursor: pointer;
  }
  .card:hover .value {
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 4px;
  }
  .value {
    display: block;
    font-size: 2.25em;
    font-weight: 650;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    color: var(--ink);
  }
`;
