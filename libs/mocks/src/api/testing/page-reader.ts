// A minimal client of the paged API for tests: plain fetch, no retries unless asked, so a test sees
// every answer the server gives.

export interface PageBody {
  items: unknown[];
  next: string;
  hasMore: boolean;
  total: number;
}

export interface ReadOptions {
  limit?: number;
  cursor?: string;
  since?: number;
  headers?: Record<string, string>;
}

/** What a request got: an HTTP status and JSON body, or a body cut mid-way. */
export type Attempt = { status: number; retryAfter: string | null; body: unknown } | { status: number; cut: true; bytes: number };

export interface ReadResult {
  items: unknown[];
  /** The cursor after the last page. */
  next: string;
  pages: number;
  /** `total` of each page. */
  totals: number[];
  /** Every request's outcome, retries included. */
  attempts: Attempt[];
}

export function pageUrl(base: string, path: string, options: ReadOptions): string {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.cursor !== undefined) query.set('cursor', options.cursor);
  if (options.since !== undefined) query.set('since', String(options.since));
  const text = query.toString();
  return `${base}/${path}${text === '' ? '' : `?${text}`}`;
}

/** GETs `url` once, reading the body byte by byte so a cut body is told apart from bad JSON. */
export async function attempt(url: string, headers: Record<string, string> = {}): Promise<Attempt> {
  const response = await fetch(url, { headers });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      bytes += chunk.value.length;
    }
  } catch {
    return { status: response.status, cut: true, bytes };
  }
  const text = new TextDecoder().decode(concat(chunks, bytes));
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: JSON.parse(text) as unknown };
}

/**
 * Reads `path` page by page until `hasMore` is false. With `retries`, a 429/5xx answer or a cut body
 * is asked again (at once) up to that many times per page; any other failure throws.
 */
export async function readAll(base: string, path: string, options: ReadOptions & { retries?: number } = {}): Promise<ReadResult> {
  const result: ReadResult = { items: [], next: options.cursor ?? '', pages: 0, totals: [], attempts: [] };
  let cursor = options.cursor;
  for (;;) {
    const url = pageUrl(base, path, { ...options, cursor, since: cursor === undefined ? options.since : undefined });
    let page: PageBody | null = null;
    for (let tries = 0; page === null; tries++) {
      const outcome = await attempt(url, options.headers);
      result.attempts.push(outcome);
      const retryable = 'cut' in outcome || outcome.status === 429 || outcome.status >= 500;
      if (!('cut' in outcome) && outcome.status === 200) page = outcome.body as PageBody;
      else if (!retryable || tries >= (options.retries ?? 0)) throw new Error(`GET ${url}: ${JSON.stringify(outcome)}`);
    }
    result.items.push(...page.items);
    result.pages++;
    result.totals.push(page.total);
    result.next = page.next;
    cursor = page.next;
    if (!page.hasMore) return result;
  }
}

/** POSTs a control call and returns its JSON answer; throws unless 200. */
export async function control(base: string, action: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${base}/_control/${action}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  if (response.status !== 200) throw new Error(`POST _control/${action}: ${response.status} ${await response.text()}`);
  return response.json();
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
