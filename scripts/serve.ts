/**
 * Spravka's HTTP server: Next.js's own request handler behind a few lines
 * that decide, once per request, who is asking and which address their
 * browser used (lib/forwarding.ts, ADR 0019). `next start` cannot do this:
 * it keeps an `X-Forwarded-For` the client wrote itself, so anyone could pose
 * as endless addresses. `npm start` serves through here; so do the e2e tests.
 *
 *   npx tsx scripts/serve.ts --port 3000     (after `next build`; npm start does both)
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import next from "next";
import { proxyTrust, resolveForwarding, rewriteForwardingHeaders } from "../lib/forwarding";
import { lanAddress } from "../lib/runs/seats/join-url";
import { listenShared } from "./listeners";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Live streams stay open; on a stop they get this long to finish before they are cut. */
const SHUTDOWN_GRACE_MS = 3000;
/**
 * Connections waiting to be accepted, per listening socket (the kernel caps
 * it at net.core.somaxconn). Node's default of 511 overflowed when a lecture
 * hall's browsers opened connections at once: each SYN dropped costs a
 * browser seconds of TCP backoff. How fast they are then accepted is
 * scripts/listeners.ts's business.
 */
const LISTEN_BACKLOG = 4096;

/**
 * How long an idle connection stays open. Node's default of 5 s is shorter
 * than the gap between a student's desk reads under load, so connections
 * closed just as browsers reused them (the request is then resent) and every
 * browser came back through a new connection after the lobby, all at once
 * when the run started. Browsers keep idle connections longer (Firefox
 * 115 s); 65 s also outlasts the usual 60 s idle timeout of a proxy in front.
 */
const KEEP_ALIVE_MS = 65_000;

export type RunningServer = { port: number; close: () => Promise<void> };

export async function serve(port: number): Promise<RunningServer> {
  // As `next start` does: React and Next.js load their production builds.
  Object.assign(process.env, { NODE_ENV: "production" });
  const trust = proxyTrust();
  const app = next({ dev: false, dir: ROOT, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const forwarding = resolveForwarding(req, trust);
    if (!forwarding.host) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end("This request did not say which site it is for (its Host header is missing or malformed).");
      return;
    }
    rewriteForwardingHeaders(req.headers, forwarding);
    void handle(req, res);
  };
  const { servers, port: bound } = await listenShared(
    () => http.createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 1000 }, answer),
    port,
    LISTEN_BACKLOG,
  );
  const lan = lanAddress();
  console.log(
    `✓ Spravka is ready on http://localhost:${bound}${lan ? ` (on this network: http://${lan}:${bound})` : ""}`,
  );
  return {
    port: bound,
    close: async () => {
      const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const server of servers) server.closeIdleConnections();
      const cut = setTimeout(() => {
        for (const server of servers) server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      await Promise.all(closed);
      clearTimeout(cut);
      await app.close();
    },
  };
}

/** Serves until SIGINT or SIGTERM, then stops cleanly (exit 0). */
export async function serveUntilStopped(port: number): Promise<void> {
  const running = await serve(port);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const flag = process.argv.indexOf("--port");
  const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? "3000"));
  serveUntilStopped(port).catch((error: unknown) => {
    console.error(`Could not start Spravka.\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
