import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { type DemoApi, type DemoApiOptions, demoApi } from '@parley/mocks';
import { getResponse } from 'msw';

// The demo API's MSW handlers answering real HTTP requests. A thin adapter of our own rather than
// @mswjs/http-middleware 0.10: that one needs Express's `req.get`/`req.protocol`, and it pipes the
// body without handling a stream error, so a `drop` body would leave the response hanging open (or
// crash on the unhandled 'error') instead of cutting the connection.

export type NextFunction = (error?: unknown) => void;

/**
 * Connect/Express-style middleware over Node's own request and response. The promise settles once
 * the response is written or `next` was called (Express ignores it; a Koa wrapper awaits it).
 */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => Promise<void>;

export interface DemoApiMiddlewareOptions extends DemoApiOptions {
  /** Serve this API instance (shares its server states); default: a new one built from the options. */
  api?: DemoApi;
}

/** Largest request body read (control calls that append changes). */
const maxBodyBytes = 64 * 1024 * 1024;

/**
 * Answers requests under the prefix (default `/api/demo`) and calls `next()` for any other. Works
 * mounted at the root or at the prefix (Express/connect keep the full path in `originalUrl`).
 */
export function demoApiMiddleware(options: DemoApiMiddlewareOptions = {}): NodeMiddleware {
  const api = options.api ?? demoApi(options);
  return (req, res, next) =>
    serve(api, req, res).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => next(error),
    );
}

/** Whether the API answered `req`. */
async function serve(api: DemoApi, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const request = await toFetchRequest(req);
  const response = await getResponse(api.handlers, request);
  if (response === undefined) return false;
  await writeResponse(response, res);
  return true;
}

async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const method = req.method ?? 'GET';
  const host = req.headers.host ?? 'localhost';
  const protocol = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  return new Request(new URL(path, `${protocol}://${host}`), { method, headers, body });
}

async function readBody(req: IncomingMessage): Promise<ArrayBuffer | string> {
  // A body parser in front of us may have consumed the stream already.
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBodyBytes) throw new Error(`request body over ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
}

/**
 * Streams `response` into `res`. A body stream that errors (the `drop` fault) destroys the socket
 * after what was read so far has been written: the client sees a connection cut mid-body.
 */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stopReading = () => void reader.cancel().catch(() => undefined);
  res.once('close', stopReading);
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        res.destroy();
        return;
      }
      if (chunk.done) break;
      if (res.destroyed) return;
      await write(res, chunk.value);
    }
    res.end();
  } finally {
    res.off('close', stopReading);
  }
}

/** Resolves once `chunk` is handed to the socket, or the client has gone (then `res.destroyed`). */
function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    res.write(chunk, () => resolve());
  });
}
