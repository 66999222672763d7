import { css } from 'lit';

export const conversationListStyles = css`
  .toolbar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .chip {
    background: var(--surface-2);
    border: 1px solid var(--border);
    border-radius: 999px;
    padding: 1px 10px;
    font-size: 0.875em;
  }
  .actions {
    margin-inline-start: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .button:disabled {
    color: var(--muted);
    cursor: default;
  }
  .export-error {
    color: var(--danger);
    font-size: 0.875em;
  }
  .notice {
    margin: 0;
    padding: 6px 10px;
    border-radius: calc(var(--radius) * 0.75);
    background: var(--warning-bg);
    color: var(--warning-ink);
    font-size: 0.875em;
  }

  /* Column chooser: a disclosure whose panel floats over the table, aligned on the toolbar. */
  .chooser {
    position: static;
  }
  .chooser summary {
    list-style: none;
    user-select: none;
  }
  .chooser summary::-webkit-details-marker {
    display: none;
  }
  .chooser summary::after {
    content: ' ▾';
  }
  .chooser[open] summary::after {
    content: ' ▴';
  }
  .chooser-panel {
    position: absolute;
    z-index: 3;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    box-sizing: border-box;
    width: min(560px, 100%);
    max-height: 360px;
    overflow: auto;
    margin: 0;
    padding: 8px 12px 12px;
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  .chooser-panel legend {
    float: left;
    font-weight: 600;
    padding: 4px 0;
  }
  .show-all {
    float: right;
    font-size: 0.875em;
    padding: 2px 10px;
  }
  .chooser-grid {
    clear: both;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    gap: 2px 12px;
    padding-top: 6px;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 28px;
    cursor: pointer;
  }
  .choice input {
    margin: 0;
    accent-color: var(--accent);
  }

  /* The table: one grid template for the header and every row keeps the columns aligned. */
  .scroller {
    position: relative;
    overflow: auto;
    height: var(--parley-list-height, 480px);
    max-height: 70vh;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    overscroll-behavior: contain;
  }
  .table {
    width: var(--table-width);
    font-variant-numeric: tabular-nums;
  }
  .row {
    display: grid;
    grid-template-columns: var(--columns);
    width: var(--table-width);
    box-sizing: border-box;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--surface-2);
    border-bottom: 1px solid var(--border);
  }
  .column-header {
    display: flex;
    align-items: stretch;
    min-width: 0;
  }
  .sort {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 4px;
    width: 100%;
    min-height: 44px;
    padding: 6px 8px;
    background: none;
    border: 0;
    color: var(--ink);
    font-weight: 600;
    font-size: 0.8125em;
    text-align: start;
    cursor: pointer;
  }
  .sort:hover {
    background: var(--surface);
  }
  .num .sort {
    flex-direction: row-reverse;
    text-align: end;
  }
  .arrow {
    color: var(--muted);
    flex: none;
  }
  [aria-sort] .arrow {
    color: var(--accent);
  }
  .body {
    position: relative;
  }
  .body .row {
    position: absolute;
    top: 0;
    left: 0;
    height: 36px;
    border-bottom: 1px solid var(--border);
    background: var(--surface);
  }
  .body .row:hover {
    background: var(--surface-2);
  }
  .cell {
    padding: 0 8px;
    line-height: 35px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  .cell.num {
    text-align: end;
  }
  .table[aria-busy='true'] .body {
    opacity: 0.55;
    transition: opacity 0.15s 0.1s;
  }
  @media (prefers-reduced-motion: reduce) {
    .table[aria-busy='true'] .body {
      transition: none;
    }
  }
`;
