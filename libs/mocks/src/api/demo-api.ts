import { http, type HttpHandler } from 'msw';
import { defaultTimeZone } from '../generator/generate-options.js';
import { type DemoApiAddress, type DemoPath, defaultPrefix, parseDemoPath } from './api-path.js';
import { type PagedCollection, isWholeCollection, pagedCollectionOf, pathOf } from './collections.js';
import { type Cursor, decodeCursor } from './cursor.js';
import { DemoWorkspace } from './demo-workspace.js';
import { type FaultDefaults, FaultListError, type FaultSettings, parseFaults } from './faults.js';
import { LruMap } from './lru-map.js';
import { readPage } from './page.js';
import { droppedJsonResponse, errorResponse, jsonResponse, preflightResponse } from './responses.js';
import { type AppendedChange, ServerState } from './server-state.js';

export interface DemoApiOptions {
  /** Where the API lives: a path (any origin) or an absolute URL prefix. Default `/api/demo`. */
  prefix?: string;
  /** Zone of the generated workspaces. Default `Europe/Paris` (elements.md). */
  timeZone?: string;
  /** Under the `401` fault, `Authorization: Bearer {authToken}` is accepted. Default `demo`. */
  authToken?: string;
  /** `Retry-After` of 429/503 answers when the list has no `retry-after=S`. Default 1 s. */
  retryAfterSeconds?: number;
  /** Delay under `slow` when the list gives no `slow=MS`. Default 600 ms. */
  slowMs?: number;
  /** Under `malformed` without `=N`, every Nth generated record is invalid. Default 97. */
  malformedEvery?: number;
  /** Generated workspaces kept in memory (least recently used evicted). Default 2. */
  cachedWorkspaces?: number;
  /** Largest `{conversations}` accepted. Default 1,000,000. */
  maxConversations?: number;
  /** Server states (one per base URL) kept. Default 1,000. */
  maxStates?: number;
  /** How `slow` waits; tests may pass a fake. */
  sleep?: (ms: number) => Promise<void>;
}

export interface DemoApi {
  /** MSW request handlers: `setupServer(...api.handlers)`, `setupWorker(...)`, `getResponse(api.handlers, request)`. */
  readonly handlers: HttpHandler[];
  /** The same without MSW: the answer to `request`, or undefined when it is not under the prefix. */
  handle(request: Request): Promise<Response | undefined>;
  /** Forgets every server state (clocks, appended changes, counters); cached workspaces stay. */
  reset(): void;
}

/** The demo HTTP API of architecture.md over generated workspaces (README.md: URL layout, faults, control). */
export function demoApi(options: DemoApiOptions = {}): DemoApi {
  const server = new DemoApiServer(options);
  const prefix = (options.prefix ?? defaultPrefix).replace(/\/+$/, '');
  // A path prefix matches on any origin: in Node there is no page to resolve it against.
  const pattern = /^[a-z][a-z0-9+.-]*:\/\//i.test(prefix) ? `${prefix}/*` : `*${prefix}/*`;
  return {
    handlers: [http.all(pattern, ({ request }) => server.handle(request))],
    handle: (request) => server.handle(request),
    reset: () => server.reset(),
  };
}

interface PageQuery {
  cursor: Cursor;
  limit: number;
  /** Identifies the page for the transient faults: its cursor, or its start and since. */
  key: string;
}

const defaultLimit = 1000;
const maxLimit = 5000;
const maxAppendedPerCall = 100_000;

class DemoApiServer {
  readonly #prefixPath: string;
  readonly #prefixOrigin: string | null;
  readonly #timeZone: string;
  readonly #authorization: string;
  readonly #faultDefaults: FaultDefaults;
  readonly #maxConversations: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #workspaces: LruMap<string, DemoWorkspace>;
  readonly #states: LruMap<string, ServerState>;

  constructor(options: DemoApiOptions) {
    const prefix = new URL((options.prefix ?? defaultPrefix).replace(/\/+$/, ''), 'http://prefix.invalid');
    this.#prefixPath = prefix.pathname.replace(/\/+$/, '');
    this.#prefixOrigin = prefix.origin === 'http://prefix.invalid' ? null : prefix.origin;
    this.#timeZone = options.timeZone ?? defaultTimeZone;
    this.#authorization = `Bearer ${options.authToken ?? 'demo'}`;
    this.#faultDefaults = {
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
      slowMs: options.slowMs ?? 600,
      malformedEvery: options.malformedEvery ?? 97,
    };
    this.#maxConversations = options.maxConversations ?? 1_000_000;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#workspaces = new LruMap(options.cachedWorkspaces ?? 2);
    this.#states = new LruMap(options.maxStates ?? 1000);
  }

  reset(): void {
    this.#states.clear();
  }

  async handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (this.#prefixOrigin !== null && url.origin !== this.#prefixOrigin) return undefined;
    if (!url.pathname.startsWith(`${this.#prefixPath}/`)) return undefined;
    if (request.method === 'OPTIONS') return preflightResponse();

    const path = parseDemoPath(url.pathname.slice(this.#prefixPath.length), this.#maxConversations);
    if ('error' in path) return errorResponse(path.status, path.error);
    let faults: FaultSettings;
    let workspace: DemoWorkspace;
    try {
      faults = parseFaults(path.address.faults, this.#faultDefaults);
      workspace = this.#workspace(path.address);
    } catch (error) {
      if (error instanceof FaultListError || error instanceof RangeError) return errorResponse(400, error.message);
      throw error;
    }
    const state = this.#states.getOrCreate(path.base, () => new ServerState(workspace.endMs, faults));
    if (path.route.startsWith('_control/')) return this.#control(request, path, state, workspace);
    return this.#data(request, url, path.route, state, workspace);
  }

  #workspace(address: DemoApiAddress): DemoWorkspace {
    const { seed, conversations, endDate } = address;
    return this.#workspaces.getOrCreate(`${seed}/${conversations}/${endDate}`, () =>
      DemoWorkspace.generate({ seed, conversations, endDate, timeZone: this.#timeZone }),
    );
  }

  async #data(request: Request, url: URL, route: string, state: ServerState, workspace: DemoWorkspace): Promise<Response> {
    const collection = pagedCollectionOf(route);
    const paged = collection !== null && pathOf(collection) === route;
    if (!(paged || route === 'workspace' || isWholeCollection(route))) return errorResponse(404, `no route "${route}"`);
    if (request.method !== 'GET') return errorResponse(405, `${request.method} is not allowed here`, { Allow: 'GET' });
    state.countRequest(route);
    if (state.faults.slowMs > 0) {
      state.countInjected('slow');
      await this.#sleep(state.faults.slowMs);
    }
    if (state.faults.authRequired && request.headers.get('Authorization') !== this.#authorization) {
      state.countInjected('401');
      return errorResponse(401, 'authentication required (demo fault "401")', { 'WWW-Authenticate': 'Bearer realm="parley-demo"' });
    }

    const query = paged ? this.#pageQuery(url, route, collection, state, workspace) : null;
    if (query !== null && 'error' in query) return errorResponse(400, query.error);
    const retryAfter = { 'Retry-After': String(state.faults.retryAfterSeconds) };
    const fault = state.transientFault(`${route}?${query === null ? '' : query.key}`);
    switch (fault) {
      case '429':
        state.countInjected('429');
        return errorResponse(429, 'too many requests (demo fault "429")', retryAfter);
      case '500':
        state.countInjected('500');
        return errorResponse(500, 'internal error (demo fault "500")');
      case '503':
        state.countInjected('503');
        return errorResponse(503, 'unavailable (demo fault "503")', retryAfter);
    }

    let body: unknown;
    let items = 0;
    let malformed = 0;
    if (query !== null && collection !== null) {
      const page = readPage(workspace.logs[collection], state.appended[collection], {
        cursor: query.cursor,
        limit: query.limit,
        nowMs: state.nowMs,
        malformedEvery: state.faults.malformedEvery,
      });
      body = { items: page.items, next: page.next, hasMore: page.hasMore, total: page.total };
      items = page.items.length;
      malformed = page.malformed;
    } else if (route === 'workspace') {
      body = workspace.info;
    } else {
      body = workspace[route as 'users' | 'teams' | 'channels'];
    }
    if (fault === 'drop') {
      state.countInjected('drop');
      return droppedJsonResponse(body);
    }
    if (query !== null) state.countServed(route, items);
    if (malformed > 0) state.countInjected('malformed', malformed);
    return jsonResponse(body);
  }

  /** The page query of a paged route, or why it is refused. */
  #pageQuery(url: URL, route: string, collection: PagedCollection, state: ServerState, workspace: DemoWorkspace): PageQuery | { error: string } {
    const params = url.searchParams;
    const limitText = params.get('limit');
    const limit = limitText === null ? defaultLimit : /^\d{1,9}$/.test(limitText) ? Math.min(maxLimit, Number(limitText)) : 0;
    if (limit < 1) return { error: `limit must be a whole number from 1 (at most ${maxLimit} are served), got "${limitText}"` };
    const cursorText = params.get('cursor');
    const sinceText = params.get('since');
    if (cursorText !== null && sinceText !== null) return { error: 'since is only allowed without cursor (the cursor carries it)' };
    let sinceMs: number | null = null;
    if (sinceText !== null) {
      sinceMs = /^-?\d{1,16}$/.test(sinceText) ? Number(sinceText) : Number.NaN;
      if (!Number.isSafeInteger(sinceMs)) return { error: `since must be epoch milliseconds, got "${sinceText}"` };
    }
    if (cursorText === null) {
      return { cursor: { collection: route, generated: 0, appended: 0, sinceMs }, limit, key: `start:${sinceText ?? ''}` };
    }
    const cursor = decodeCursor(cursorText, route);
    if (cursor === null) return { error: `invalid cursor "${cursorText}" for ${route}` };
    if (cursor.generated > workspace.logs[collection].length || cursor.appended > state.appended[collection].length) {
      return { error: `cursor "${cursorText}" is past the end of the log (was the server reset?)` };
    }
    return { cursor, limit, key: cursorText };
  }

  async #control(request: Request, path: DemoPath, state: ServerState, workspace: DemoWorkspace): Promise<Response> {
    const action = path.route.slice('_control/'.length);
    if (action === 'stats') {
      return request.method === 'GET' ? jsonResponse(state.stats()) : errorResponse(405, 'use GET', { Allow: 'GET' });
    }
    if (!['clock', 'changes', 'faults', 'reset'].includes(action)) return errorResponse(404, `no control "${action}"`);
    if (request.method !== 'POST') return errorResponse(405, 'use POST', { Allow: 'POST' });
    let body: Record<string, unknown>;
    try {
      const text = await request.text();
      const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return errorResponse(400, 'the body must be a JSON object');
    }
    switch (action) {
      case 'clock':
        return this.#setClock(body, state);
      case 'changes':
        return this.#appendChanges(body, state, workspace);
      case 'faults':
        try {
          if (typeof body.faults !== 'string') throw new FaultListError('expected { "faults": "429,500" } ("" for none)');
          state.faults = parseFaults(body.faults, this.#faultDefaults);
          return jsonResponse({ faults: state.faults.list });
        } catch (error) {
          if (error instanceof FaultListError) return errorResponse(400, error.message);
          throw error;
        }
      default: {
        const nowMs = body.nowMs === undefined ? undefined : instantOf(body.nowMs);
        if (nowMs === null) return errorResponse(400, 'nowMs must be epoch milliseconds');
        state.reset(nowMs);
        return jsonResponse(state.stats());
      }
    }
  }

  #setClock(body: Record<string, unknown>, state: ServerState): Response {
    let nowMs: number | null;
    if (body.advanceMs !== undefined) {
      nowMs = typeof body.advanceMs === 'number' && Number.isSafeInteger(body.advanceMs) ? state.nowMs + body.advanceMs : null;
    } else {
      nowMs = instantOf(body.nowMs ?? body.now);
    }
    if (nowMs === null) return errorResponse(400, 'expected { "nowMs": epoch ms } or { "now": "ISO 8601" } or { "advanceMs": n }');
    // The clock may move either way: cursors hold positions, not times, so none breaks.
    state.nowMs = nowMs;
    return jsonResponse({ nowMs });
  }

  #appendChanges(body: Record<string, unknown>, state: ServerState, workspace: DemoWorkspace): Response {
    const collection = typeof body.collection === 'string' ? pagedCollectionOf(body.collection) : null;
    if (collection === null) return errorResponse(400, `collection must name a paged collection, got ${JSON.stringify(body.collection)}`);
    const items = body.items;
    if (!Array.isArray(items) || items.length > maxAppendedPerCall) {
      return errorResponse(400, `items must be an array of at most ${maxAppendedPerCall} changes`);
    }
    const log = state.appended[collection];
    for (const value of items as unknown[]) {
      log.push({ value, modifiedAt: state.nowMs, sinceKey: sinceKeyOf(collection, value, workspace, state) });
    }
    return jsonResponse({ collection: pathOf(collection), appended: items.length, length: log.length });
  }
}

/** Epoch ms from a number or an ISO 8601 string; null when neither. */
function instantOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** The `since` rule for an appended change, as for generated ones; +Infinity (always served) when it cannot apply. */
function sinceKeyOf(collection: PagedCollection, value: unknown, workspace: DemoWorkspace, state: ServerState): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return Number.POSITIVE_INFINITY;
  const record = value as Record<string, unknown>;
  const number = (field: unknown) => (typeof field === 'number' ? field : Number.POSITIVE_INFINITY);
  if (record.deleted === true) return Number.POSITIVE_INFINITY;
  switch (collection) {
    case 'contacts':
      return Number.POSITIVE_INFINITY;
    case 'conversations':
      return number(record.openedAt);
    case 'contactEvents':
      return number(record.at);
    default: {
      const conversationId = record.conversationId;
      if (typeof conversationId === 'string') {
        const openedAt = workspace.conversationOpenedAt(conversationId) ?? appendedOpenedAt(state.appended.conversations, conversationId);
        if (openedAt !== undefined) return openedAt;
      }
      return number(record.at);
    }
  }
}

function appendedOpenedAt(conversations: readonly AppendedChange[], id: string): number | undefined {
  for (let index = conversations.length - 1; index >= 0; index--) {
    const value = conversations[index].value as { id?: unknown; openedAt?: unknown } | null;
    if (typeof value === 'object' && value !== null && value.id === id && typeof value.openedAt === 'number') return value.openedAt;
  }
  return undefined;
}
