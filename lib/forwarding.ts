import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Who sent a request and which address their browser used, worked out once
 * by Spravka's own server (scripts/serve.ts) before Next.js sees the request.
 *
 * Headers such as `X-Forwarded-For` are only as honest as whoever wrote
 * them. Without a proxy in front, a client writes them itself, so trusting
 * them let anyone pose as any number of addresses (and so fill every rate
 * limit) or send redirects to a host of their choosing. They are believed
 * only when the connection comes from a proxy named in
 * SPRAVKA_TRUSTED_PROXIES; otherwise the socket's address and the `Host`
 * header the browser sent are used (ADR 0019).
 */

/** Set by Spravka's server on every request (any copy the client sent is removed first): the client's address. */
export const CLIENT_ADDRESS_HEADER = "x-spravka-client-address";

/** Whether the hop `address`, `hop` steps from this server (0 = the socket's peer), is a proxy to believe. */
export type ProxyTrust = (address: string, hop: number) => boolean;

const TRUST_NOBODY: ProxyTrust = () => false;

/**
 * Reads SPRAVKA_TRUSTED_PROXIES: empty (the default: no proxy, believe no
 * forwarding header), a number of proxy hops in front of the app (e.g. `1`
 * for one nginx), or a comma-separated list of addresses and ranges
 * (`127.0.0.1`, `10.0.0.0/8`, or the names `loopback`, `linklocal`,
 * `uniquelocal`). A value that cannot be read stops the server with a
 * message, rather than silently trusting too much or too little.
 */
export function proxyTrust(setting: string | undefined = process.env.SPRAVKA_TRUSTED_PROXIES): ProxyTrust {
  const value = setting?.trim() ?? "";
  if (value === "") return TRUST_NOBODY;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyaddr.compile(
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    );
  } catch (error) {
    throw new Error(
      `SPRAVKA_TRUSTED_PROXIES is not a list of addresses, ranges or a hop count: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export type Forwarding = {
  /** The address the request came from: the socket's, or the nearest one a trusted proxy vouches for. */
  clientAddress: string;
  /** The host (and port) the browser asked for, or null if what it sent is not a host name. */
  host: string | null;
  proto: "http" | "https";
};

/** A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing else may reach a redirect. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim() || undefined;
}

/** Works out the client, host and scheme of one request (see the comment at the top of this file). */
export function resolveForwarding(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string; encrypted?: boolean } },
  trust: ProxyTrust,
): Forwarding {
  const peer = request.socket.remoteAddress ?? "";
  // proxy-addr walks X-Forwarded-For from the nearest hop back, stopping at the first address not trusted.
  const clientAddress = peer === "" ? "unknown" : proxyaddr(request as unknown as IncomingMessage, trust);
  const ownScheme = request.socket.encrypted ? "https" : "http";
  const viaProxy = peer !== "" && trust(peer, 0);
  const host = (viaProxy && first(request.headers["x-forwarded-host"])) || first(request.headers.host);
  const forwardedProto = viaProxy ? first(request.headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  return {
    clientAddress,
    host: host && HOST.test(host) ? host.toLowerCase() : null,
    proto: forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : ownScheme,
  };
}

/** Headers that describe the client or the browser's address: only the server's own values may reach the app. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  CLIENT_ADDRESS_HEADER,
];

/**
 * Replaces whatever forwarding headers arrived with the resolved ones, so
 * Next.js (server actions' origin check), Auth.js (its redirect URLs) and
 * the app's rate limits all see the same, trustworthy values.
 */
export function rewriteForwardingHeaders(headers: IncomingHttpHeaders, forwarding: Forwarding): void {
  for (const name of FORWARDING_HEADERS) delete headers[name];
  headers[CLIENT_ADDRESS_HEADER] = forwarding.clientAddress;
  headers["x-forwarded-for"] = forwarding.clientAddress;
  headers["x-forwarded-proto"] = forwarding.proto;
  if (forwarding.host) headers["x-forwarded-host"] = forwarding.host;
}
