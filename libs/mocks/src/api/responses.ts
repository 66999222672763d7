// Plain fetch-API responses: the same in Node, a page, a Worker and MSW's service worker.

/** The demo API may be called from a page of another origin (an embed on a CRM page). */
const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

const jsonHeaders: Record<string, string> = {
  ...corsHeaders,
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, ...headers } });
}

export function errorResponse(status: number, error: string, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error }, status, headers);
}

export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders,
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '600',
    },
  });
}

/** Raised into a `drop` body after its first half: the reader sees a connection cut mid-body. */
export class DroppedConnectionError extends Error {
  override name = 'DroppedConnectionError';
  constructor() {
    super('demo fault "drop": the connection was cut mid-body');
  }
}

const cutDelayMs = 20;

/**
 * A 200 whose body streams the first half of `body` and then errors, as a connection cut mid-body:
 * `await response.json()` rejects; a Node adapter destroys the socket (see tools/demo-server).
 */
export function droppedJsonResponse(body: unknown): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
        sent = true;
        return;
      }
      // An error empties every queue the half still waits in (MSW tees bodies): let readers take it first.
      await new Promise((resolve) => setTimeout(resolve, cutDelayMs));
      controller.error(new DroppedConnectionError());
    },
  });
  return new Response(stream, { status: 200, headers: jsonHeaders });
}
