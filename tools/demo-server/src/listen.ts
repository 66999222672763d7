import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Starting and stopping an HTTP server the way both demo servers need it: port 0 picks a free one.

export interface Listening {
  /** `http://host:port`, brackets around an IPv6 host. */
  url: string;
  /** Stops accepting, drops open connections (keep-alive, streams) and resolves once closed. */
  close: () => Promise<void>;
}

export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
