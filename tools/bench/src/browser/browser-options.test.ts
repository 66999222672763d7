import { describe, expect, it } from 'vitest';
import { parseBenchOptions, UsageError } from '../cli-options.js';
import { defaultBrowserPlan } from './browser-plan.js';

describe('bench options for the browser part', () => {
  it('runs both parts by default', () => {
    const options = parseBenchOptions([]);
    expect(options.parts).toEqual({ node: true, browser: true });
    expect(options.browserSizes).toEqual(defaultBrowserPlan.sizes);
    expect(options.ingestConversations).toBe(defaultBrowserPlan.ingestConversations);
    expect(options.emptyBuilderState).toBe(false);
  });

  it('runs either part alone', () => {
    expect(parseBenchOptions(['--browser-only']).parts).toEqual({ node: false, browser: true });
    expect(parseBenchOptions(['--no-browser']).parts).toEqual({ node: true, browser: false });
    expect(() => parseBenchOptions(['--browser-only', '--no-browser'])).toThrow(UsageError);
  });

  it('takes browser sizes, the ingest size (0 = none) and the builder-state choice', () => {
    const options = parseBenchOptions(['--browser-sizes', '20000,200_000', '--ingest-conversations=0', '--empty-builder-state']);
    expect(options.browserSizes).toEqual([20_000, 200_000]);
    expect(options.ingestConversations).toBe(0);
    expect(options.emptyBuilderState).toBe(true);
    expect(() => parseBenchOptions(['--browser-sizes', ''])).toThrow(UsageError);
    expect(() => parseBenchOptions(['--ingest-conversations', '-1'])).toThrow(UsageError);
  });
});
