import { css } from 'lit';

export const dateRangeStyles = css`
  .base {
    height: auto;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
  }
  select,
  input {
    font: inherit;
    color: var(--ink);
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    padding: 5px 8px;
    min-height: 32px;
    box-sizing: border-box;
  }
  .range {
    font-variant-numeric: tabular-nums;
  }
  .zone {
    color: var(--muted);
    font-size: 0.875em;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
  }
  .field {
    display: grid;
    gap: 2px;
    color: var(--muted);
    font-size: 0.875em;
  }
  .field input {
    font-size: 1rem;
    font-size: var(--font-size);
  }
  input[aria-invalid='true'] {
    border-color: var(--danger);
  }
  .invalid {
    flex-basis: 100%;
    margin: 0;
    color: var(--danger);
    font-size: 0.875em;
  }
`;
