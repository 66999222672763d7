import { css } from 'lit';

export const syncStatusStyles = css`
  :host {
    display: block;
  }
  .base {
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: calc(var(--space) * 0.5) var(--space);
  }
  .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--muted);
    flex: none;
  }
  .phase-up-to-date .dot {
    background: var(--series-3);
  }
  .phase-syncing .dot {
    background: var(--accent);
  }
  .phase-offline .dot {
    background: var(--warning-ink);
  }
  .phase-error .dot,
  .phase-auth-required .dot {
    background: var(--danger);
  }
  .status {
    flex: 1 1 auto;
  }
  .phase-error .status,
  .phase-auth-required .status {
    color: var(--danger);
  }
  progress {
    width: 96px;
    accent-color: var(--accent);
  }
  .skipped {
    color: var(--warning-ink);
    background: var(--warning-bg);
    border-radius: 999px;
    padding: 1px 10px;
    font-size: 0.8125em;
  }
  .button {
    font: inherit;
    background: var(--surface);
    color: var(--accent);
    border: 1px solid currentColor;
    border-radius: calc(var(--radius) * 0.75);
    padding: 2px 12px;
    cursor: pointer;
  }
  .button:hover {
    background: var(--surface-2);
  }
  .button[disabled] {
    color: var(--muted);
    cursor: default;
  }
`;
