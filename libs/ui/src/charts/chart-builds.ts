import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlotElement } from './plot.js';

/**
 * A widget's chart, built asynchronously (Plot loads on first use): rebuilt only when its key
 * changes, a newer build wins over one still in flight, and `settled` lets the host's
 * `updateComplete` wait for the chart it is drawing. The host renders `element` (null: skeleton).
 */
export class ChartBuilds implements ReactiveController {
  element: PlotElement | null = null;
  #key: readonly unknown[] = [];
  #build: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The host's tag, to name it when a build fails. */
    private readonly tag: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Nothing to draw: drops the chart and forgets its key. */
  clear(): void {
    this.#key = [];
    if (this.element === null) return;
    this.element = null;
    this.host.requestUpdate();
  }

  /** Builds the chart of `key` unless it is the one already built or being built. */
  draw(key: readonly unknown[], build: () => Promise<PlotElement>): void {
    if (key.length === this.#key.length && key.every((value, index) => value === this.#key[index])) return;
    this.#key = key;
    const pending: Promise<void> = build().then(
      (chart) => {
        if (this.#build !== pending) return;
        this.element = chart;
        this.host.requestUpdate();
      },
      (error: unknown) => console.error(`<${this.tag}>: the chart failed`, error),
    );
    this.#build = pending;
  }

  /** The host's update, awaited again after each build in flight, until none is left. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let result = await update();
    while (this.#build) {
      const build = this.#build;
      await build;
      result = await update();
      if (this.#build === build) this.#build = null;
    }
    return result;
  }
}
