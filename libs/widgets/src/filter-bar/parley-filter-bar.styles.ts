import { css } from 'lit';

export const filterBarStyles = css`
  .base {
    height: auto;
  }
  .header {
    align-items: center;
  }
  .active-count {
    color: var(--muted);
    font-size: 0.875em;
  }
  .clear {
    margin-inline-start: auto;
  }
  .button:disabled {
    color: var(--muted);
    cursor: default;
  }
  .filters {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid var(--border);
    border-radius: 999px;
    background: var(--surface);
    color: var(--ink);
    cursor: pointer;
    font: inherit;
    font-size: 0.875em;
  }
  .filter:hover {
    background: var(--surface-2);
  }
  .filter.active {
    border-color: var(--accent);
    color: var(--accent);
    font-weight: 600;
  }
  .filter[aria-expanded='true'] {
    background: var(--surface-2);
  }
  .badge {
    min-width: 1.4em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--accent);
    color: var(--accent-ink);
    font-size: 0.8125em;
    line-height: 1.5;
    text-align: center;
  }
  .caret {
    color: var(--muted);
    font-size: 0.75em;
  }
  .panel {
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    padding: 10px 12px;
    background: var(--surface);
    display: grid;
    gap: 10px;
  }
  .applies,
  .hint,
  .status {
    margin: 0;
    color: var(--muted);
    font-size: 0.875em;
  }
  .hint:empty {
    display: block;
    height: 0;
  }
  .options {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 2px 12px;
    max-height: 240px;
    overflow: auto;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 30px;
    cursor: pointer;
  }
  .option input {
    margin: 0;
    flex: none;
    width: 16px;
    height: 16px;
    accent-color: var(--accent);
  }
  .option.none span {
    font-style: italic;
  }
  .search,
  .ids {
    display: grid;
    gap: 4px;
    position: relative;
  }
  .search input,
  .ids input {
    font: inherit;
    color: var(--ink);
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    padding: 6px 8px;
    min-width: 0;
  }
  .id-row {
    display: flex;
    gap: 8px;
  }
  .id-row input {
    flex: 1;
  }
  .matches {
    list-style: none;
    margin: 0;
    padding: 4px 0;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    max-height: 220px;
    overflow: auto;
  }
  .matches[hidden] {
    display: none;
  }
  .match {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 4px 10px;
    cursor: pointer;
  }
  .match[aria-selected='true'],
  .match:hover {
    background: var(--surface-2);
  }
  .match .id {
    color: var(--muted);
    font-size: 0.875em;
  }
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 10px;
    border-radius: 999px;
    background: var(--surface-2);
    border: 1px solid var(--border);
    font-size: 0.875em;
  }
  .remove {
    border: 0;
    background: none;
    color: var(--muted);
    cursor: pointer;
    font-size: 1.1em;
    line-height: 1;
    padding: 2px 6px;
    border-radius: 999px;
  }
  .remove:hover {
    color: var(--ink);
    background: var(--border);
  }
  .panel-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: flex-end;
  }
`;
