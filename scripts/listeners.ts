/**
 * Listening on one port through several sockets, so that a busy server still
 * takes new connections quickly.
 *
 * libuv (Node 20 and later) accepts one connection per listening socket per
 * turn of the event loop. Under a full class a turn lasts hundreds of
 * milliseconds (it serves every connection that has data), so when hundreds
 * of browsers open connections at once (their first desk read once the
 * lobby's keep-alive connections have closed) the last of them waited 30 s
 * in the kernel's accept queue while requests on open connections were
 * answered at once. With SO_REUSEPORT the kernel shares new connections among
 * several sockets on the same port, and each accepts one per turn.
 */
import http from "node:http";

/** Sockets to listen through where SO_REUSEPORT shares connections among them (Linux); elsewhere one. */
export const LISTENING_SOCKETS = process.platform === "linux" ? 32 : 1;

/**
 * Makes `count` servers with `create` and has them all listen on `port` (0:
 * one free port, which the rest then share), each with `backlog`.
 */
export async function listenShared(
  create: () => http.Server,
  port: number,
  backlog: number,
  count: number = LISTENING_SOCKETS,
): Promise<{ servers: http.Server[]; port: number }> {
  const reusePort = count > 1;
  const listen = (server: http.Server, on: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port: on, backlog, reusePort }, () => {
        server.off("error", reject);
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : on);
      });
    });
  // SO_REUSEPORT would let a second server on the same port (another Spravka) share its connections
  // silently: claim the port alone first, so that a port in use still fails with EADDRINUSE.
  const probe = http.createServer();
  const free = await new Promise<number>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen({ port, exclusive: true }, () => {
      const address = probe.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
  await new Promise((resolve) => probe.close(resolve));
  const servers = [create()];
  const bound = await listen(servers[0]!, free);
  try {
    for (let i = 1; i < count; i++) {
      const server = create();
      servers.push(server);
      await listen(server, bound);
    }
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
  return { servers, port: bound };
}
