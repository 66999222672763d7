import { epochDayOfIsoDate } from '../generator/zone-calendar.js';

// URL layout under the mount prefix (default `/api/demo`):
//   /{seed}/{conversations}/{end}[/faults/{list}][/t/{token}]/{route}
// The part before `{route}` is the base URL a client is configured with; each distinct one has its
// own server state (clock, appended changes, fault counters), so `/t/{token}` isolates a test.

export const defaultPrefix = '/api/demo';

export interface DemoApiAddress {
  seed: number;
  conversations: number;
  /** `YYYY-MM-DD`. */
  endDate: string;
  /** Fault list, `''` for none. */
  faults: string;
  token: string | null;
}

export interface DemoPath {
  address: DemoApiAddress;
  /** The base path after the prefix, without the route: the key of the server state. */
  base: string;
  /** `workspace`, `messages`, `_control/stats`, …; `''` when the path stops at the base. */
  route: string;
}

export interface DemoPathError {
  status: 400 | 404;
  error: string;
}

export interface DemoApiPathOptions {
  seed: number;
  conversations: number;
  endDate: string;
  /** `'429,500'` or `['429', 'retry-after=0']`; empty: no faults segment. */
  faults?: string | readonly string[];
  /** Isolates the server state of one test. */
  token?: string;
  /** Default `/api/demo`; may be an absolute URL. */
  prefix?: string;
}

/** The base URL of a demo workspace: `/api/demo/1/20000/2024-11-20[/faults/…][/t/…]`, no trailing slash. */
export function demoApiPath(options: DemoApiPathOptions): string {
  const prefix = (options.prefix ?? defaultPrefix).replace(/\/+$/, '');
  const faults = typeof options.faults === 'string' ? options.faults : (options.faults ?? []).join(',');
  let path = `${prefix}/${options.seed}/${options.conversations}/${options.endDate}`;
  if (faults !== '') path += `/faults/${faults}`;
  if (options.token !== undefined) path += `/t/${encodeURIComponent(options.token)}`;
  return path;
}

/** Reads the path after the prefix (`1/2000/2024-11-20/t/x/messages`). */
export function parseDemoPath(path: string, maxConversations: number): DemoPath | DemoPathError {
  const segments = path.split('/').filter((segment, index) => index > 0 || segment !== '');
  if (segments.length < 3) return { status: 404, error: 'expected /{seed}/{conversations}/{end}/…' };
  const [seedText, conversationsText, endDate] = segments;
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : Number.NaN;
  if (!Number.isSafeInteger(seed)) return { status: 400, error: `seed must be a whole number, got "${seedText}"` };
  const conversations = /^\d+$/.test(conversationsText) ? Number(conversationsText) : Number.NaN;
  if (!(Number.isSafeInteger(conversations) && conversations <= maxConversations)) {
    return { status: 400, error: `conversations must be a whole number up to ${maxConversations}, got "${conversationsText}"` };
  }
  try {
    epochDayOfIsoDate(endDate);
  } catch (error) {
    return { status: 400, error: `end: ${(error as Error).message}` };
  }
  let index = 3;
  let faults = '';
  let token: string | null = null;
  try {
    if (segments[index] === 'faults' && index + 1 < segments.length) {
      faults = decodeURIComponent(segments[index + 1]);
      index += 2;
    }
    if (segments[index] === 't' && index + 1 < segments.length) {
      token = decodeURIComponent(segments[index + 1]);
      index += 2;
    }
  } catch {
    return { status: 400, error: 'the path is not valid percent-encoding' };
  }
  return {
    address: { seed, conversations, endDate, faults, token },
    base: segments.slice(0, index).join('/'),
    route: segments.slice(index).join('/'),
  };
}
