import http from "node:http";
import net from "node:net";
import { afterEach, expect, test } from "vitest";
import { LISTENING_SOCKETS, listenShared } from "./listeners";

let open: { servers: http.Server[]; clients: net.Socket[] } = { servers: [], clients: [] };
afterEach(async () => {
  for (const client of open.clients) client.destroy();
  for (const server of open.servers) server.closeAllConnections();
  await Promise.all(open.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  open = { servers: [], clients: [] };
});

/** Opens `n` connections at once and counts the event loop's turns until the servers have accepted them all. */
async function turnsToAccept(servers: readonly http.Server[], port: number, n: number): Promise<number> {
  let accepted = 0;
  for (const server of servers) server.on("connection", () => accepted++);
  for (let i = 0; i < n; i++) open.clients.push(net.connect(port, "127.0.0.1"));
  let turns = 0;
  // One setImmediate callback runs per turn, right after the turn's poll for I/O (where connections are accepted).
  while (accepted < n) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
    if (turns > 100 * n) throw new Error(`only ${accepted} of ${n} connections accepted`);
  }
  return turns;
}

test.runIf(process.platform === "linux")(
  "a burst of connections is accepted in far fewer turns of the event loop than it has connections",
  async () => {
    expect(LISTENING_SOCKETS).toBeGreaterThan(1);
    const { servers, port } = await listenShared(() => http.createServer((_req, res) => res.end()), 0, 4096);
    open.servers = servers;
    expect(servers).toHaveLength(LISTENING_SOCKETS);
    expect(new Set(servers.map((s) => (s.address() as net.AddressInfo).port))).toEqual(new Set([port]));
    // One socket accepts one connection per turn: 200 would take at least 200 turns.
    const n = 200;
    expect(await turnsToAccept(servers, port, n)).toBeLessThan(n / 4);
  },
);

test("every server answers on the shared port", async () => {
  const { servers, port } = await listenShared(() => http.createServer((_req, res) => res.end("hello")), 0, 511);
  open.servers = servers;
  const answers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" } });
      return response.text();
    }),
  );
  expect(answers).toEqual(Array(20).fill("hello"));
});

test("a port another server holds is refused, as with a single socket", async () => {
  const first = await listenShared(() => http.createServer(), 0, 511);
  open.servers = first.servers;
  await expect(listenShared(() => http.createServer(), first.port, 511)).rejects.toMatchObject({ code: "EADDRINUSE" });
});
