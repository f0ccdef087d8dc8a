/**
 * A small round-robin reverse proxy with failover, for trying several app
 * instances on one machine (the instance fault test, e2e/instances.spec.ts)
 * — a stand-in for the nginx or cloud load balancer of a real deployment
 * (README, "Deploying for many classes").
 *
 *   npx tsx scripts/balancer.ts --port 3300 http://127.0.0.1:3201 http://127.0.0.1:3202
 *
 * Each request goes to the next instance; one that refuses the connection is
 * skipped and the request (its body is small, kept in memory) goes to the
 * next, as nginx's `proxy_next_upstream error` does. Responses stream through
 * unbuffered, so live updates (Server-Sent Events) pass as they are written.
 */
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const MAX_BODY = 1024 * 1024;

export type Balancer = { port: number; close: () => Promise<void> };

export function startBalancer(port: number, upstreams: readonly string[]): Promise<Balancer> {
  const targets = upstreams.map((u) => new URL(u));
  if (targets.length === 0) throw new Error("Name at least one instance to balance.");
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY) {
        res.writeHead(413).end("Request too large for the balancer.");
        return;
      }
      const body = Buffer.concat(chunks);
      const first = next++ % targets.length;
      const attempt = (tried: number) => {
        if (tried >= targets.length) {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end("No instance is answering.");
          return;
        }
        const target = targets[(first + tried) % targets.length]!;
        const headers = {
          ...req.headers,
          // What a proxy in front of Spravka reports (the instances believe it with SPRAVKA_TRUSTED_PROXIES).
          "x-forwarded-for": req.socket.remoteAddress ?? "",
          "x-forwarded-host": req.headers.host ?? "",
          "x-forwarded-proto": "http",
        };
        const upstream = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
            // An instance that dies mid-response: end the client's response, as a proxy would.
            reply.on("error", () => res.destroy());
          },
        );
        upstream.on("error", () => {
          if (res.headersSent) res.destroy();
          else attempt(tried + 1);
        });
        res.on("close", () => upstream.destroy());
        upstream.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--port");
  const port = at === -1 ? 3300 : Number(args[at + 1]);
  const upstreams = args.filter((a, i) => a !== "--port" && i !== at + 1);
  if (!Number.isInteger(port) || upstreams.length === 0) {
    console.error("Usage: npx tsx scripts/balancer.ts --port <port> <instance URL>…");
    process.exit(64);
  }
  void startBalancer(port, upstreams).then((b) =>
    console.log(`Balancing 127.0.0.1:${b.port} over ${upstreams.join(", ")}`),
  );
}
