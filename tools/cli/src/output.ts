import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes with backpressure: large outputs (a million-row list) wait for the pipe instead of piling up in memory. */
export class StreamWriter {
  #stream: Writable;
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  write(chunk: string): void {
    this.#pending.push(chunk);
    this.#pendingLength += chunk.length;
  }

  /** Flushes what was written so far, waiting for the stream to drain when it asks to. */
  async flush(): Promise<void> {
    if (this.#pendingLength === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingLength = 0;
    if (!this.#stream.write(text)) await once(this.#stream, 'drain');
  }

  get buffered(): number {
    return this.#pendingLength;
  }
}
