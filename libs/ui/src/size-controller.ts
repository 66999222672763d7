import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The host's content width, rounded to `step` px so a chart re-renders on real resizes only (and
 * never loops on the scrollbar it causes). 0 until first measured.
 */
export class SizeController implements ReactiveController {
  width = 0;
  #host: ReactiveControllerHost & HTMLElement;
  #step: number;
  #observer: ResizeObserver | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, step = 16) {
    this.#host = host;
    this.#step = step;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const width = Math.floor(box.width / this.#step) * this.#step;
      if (width === this.width) return;
      this.width = width;
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
