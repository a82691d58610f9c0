import net from 'node:net';

/**
 * A TCP forwarder in front of a real service, so a test can take the service away and bring
 * it back (an outage as clients see it: connections dropped, then refused) without touching
 * the service other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Drops every connection and stops listening: new connections are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const createServer = () => net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (server: net.Server, port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  const stop = (server: net.Server) => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });

  let server = createServer();
  const port = await listen(server, 0);
  let listening = true;
  const cut = async () => {
    if (!listening) return;
    listening = false;
    await stop(server);
  };
  return {
    port,
    cut,
    async restore() {
      if (listening) return;
      server = createServer();
      await listen(server, port);
      listening = true;
    },
  };
}
