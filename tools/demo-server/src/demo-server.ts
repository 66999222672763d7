import { createServer, type Server } from 'node:http';
import { type DemoApi, type DemoApiOptions, demoApi, demoApiPrefix } from '@parley/mocks';
import { demoApiMiddleware } from './demo-api-middleware.js';
import { listen } from './listen.js';

export interface DemoServerOptions extends DemoApiOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default `localhost`. */
  host?: string;
}

export interface DemoServer {
  /** `http://{host}:{port}`, no trailing slash. */
  readonly url: string;
  readonly server: Server;
  /** The API behind it, e.g. to `reset()` between tests. */
  readonly api: DemoApi;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** An HTTP server answering the demo API under `/api/demo` (and a short usage text at `/`). */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const api = demoApi(options);
  const middleware = demoApiMiddleware({ api });
  const prefix = options.prefix ?? demoApiPrefix;
  const server = createServer((req, res) => {
    void middleware(req, res, (error) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.statusCode = error === undefined ? 404 : 500;
      if (error === undefined && (req.url === '/' || req.url === '')) {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(usage(prefix));
        return;
      }
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: error === undefined ? `no route ${req.url ?? ''}` : String(error) }));
    });
  });
  const listening = await listen(server, options.port, options.host ?? 'localhost');
  return {
    url: listening.url,
    server,
    api,
    close: listening.close,
  };
}

function usage(prefix: string): string {
  return `Parley demo API (architecture.md "The HTTP API contract")

  GET  ${prefix}/{seed}/{conversations}/{end}[/faults/{list}][/t/{token}]/workspace
       …/users  …/teams  …/channels
       …/conversations|assignments|messages|contacts|contact-events|csat?limit=N[&cursor=C|&since=T]
  POST …/_control/clock {"nowMs"}   …/_control/changes {"collection","items"}
       …/_control/faults {"faults"}  …/_control/reset   GET …/_control/stats

  faults: 401, 429, 500, 503, drop, slow[=MS], malformed[=N], retry-after=S (libs/mocks/README.md)
  e.g. ${prefix}/1/20000/2024-11-20/workspace
`;
}
