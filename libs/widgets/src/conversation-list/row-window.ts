import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Virtualised scrolling for rows of one fixed height: only the rows in (or near) the scroller's
// viewport are rendered, positioned inside a body as tall as every row. With fixed rows the window
// is plain arithmetic on scrollTop: nothing is measured, so no ResizeObserver callback ever
// resizes what it observes (measuring virtualizers trip "ResizeObserver loop completed with
// undelivered notifications", which a host page's error monitoring would report as ours).

export interface RowRange {
  /** First rendered row index. */
  first: number;
  /** One past the last rendered row index. */
  end: number;
}

export class RowWindow implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #scrollerOf: () => HTMLElement | null;
  readonly rowHeight: number;
  /** Rows rendered beyond each edge of the viewport (also covers the sticky header above the rows). */
  readonly #overscan: number;
  #scroller: HTMLElement | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #scrollTop = 0;
  #viewportHeight = 480;

  constructor(host: ReactiveControllerHost, scrollerOf: () => HTMLElement | null, rowHeight: number, overscan = 8) {
    this.#host = host;
    this.#scrollerOf = scrollerOf;
    this.rowHeight = rowHeight;
    this.#overscan = overscan;
    host.addController(this);
  }

  /** The rows to render out of `count`. */
  range(count: number): RowRange {
    const first = Math.max(0, Math.floor(this.#scrollTop / this.rowHeight) - this.#overscan);
    const end = Math.min(count, Math.ceil((this.#scrollTop + this.#viewportHeight) / this.rowHeight) + this.#overscan);
    return { first, end: Math.max(first, end) };
  }

  /** Back to the first row (a new answer). */
  scrollToTop(): void {
    if (this.#scroller) this.#scroller.scrollTop = 0;
    this.#scrollTop = 0;
  }

  hostUpdated(): void {
    const scroller = this.#scrollerOf();
    if (scroller === this.#scroller) return;
    this.#detach();
    this.#scroller = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#resizeObserver = new ResizeObserver(() => this.#measure());
    this.#resizeObserver.observe(scroller);
    this.#measure();
  }

  hostDisconnected(): void {
    this.#detach();
    this.#scroller = null;
  }

  #detach(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
  }

  #onScroll = (): void => this.#measure();

  #measure(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const before = this.range(Number.MAX_SAFE_INTEGER);
    this.#scrollTop = scroller.scrollTop;
    this.#viewportHeight = scroller.clientHeight || this.#viewportHeight;
    const after = this.range(Number.MAX_SAFE_INTEGER);
    if (after.first !== before.first || after.end !== before.end) this.#host.requestUpdate();
  }
}
