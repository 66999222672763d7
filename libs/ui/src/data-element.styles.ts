import { css } from 'lit';

/** The frame every data widget renders: wrapper, header, states. */
export const dataElementStyles = css`
  :host {
    display: block;
  }
  .base {
    box-sizing: border-box;
    height: 100%;
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--space);
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: calc(var(--space) * 0.75);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
  }
  .title {
    font-weight: 600;
    font-size: 1em;
    margin: 0;
  }
  .period {
    color: var(--muted);
    font-size: 0.875em;
  }
  .stale {
    margin-inline-start: auto;
    background: var(--warning-bg);
    color: var(--warning-ink);
    border-radius: 999px;
    padding: 1px 10px;
    font-size: 0.8125em;
  }
  .message {
    margin: 0;
    padding: calc(var(--space) * 1.5) 0;
    color: var(--muted);
    text-align: center;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    color: var(--danger);
  }
  .error p {
    margin: 0;
  }
  .error .reason {
    color: var(--muted);
    font-size: 0.875em;
    flex-basis: 100%;
  }
  button {
    font: inherit;
  }
  .button {
    background: var(--surface);
    color: var(--accent);
    border: 1px solid currentColor;
    border-radius: calc(var(--radius) * 0.75);
    padding: 4px 12px;
    cursor: pointer;
  }
  .button:hover {
    background: var(--surface-2);
  }
  .skeleton {
    display: grid;
    gap: 8px;
    min-height: 72px;
  }
  .skeleton span {
    display: block;
    height: 14px;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--surface-2) 25%, var(--border) 50%, var(--surface-2) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .skeleton span:nth-child(1) {
    width: 60%;
  }
  .skeleton span:nth-child(2) {
    width: 90%;
  }
  .skeleton span:nth-child(3) {
    width: 75%;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;
