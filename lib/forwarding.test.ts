import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { CLIENT_ADDRESS_HEADER, proxyTrust, resolveForwarding, rewriteForwardingHeaders } from "./forwarding";

const request = (peer: string, headers: Record<string, string>, encrypted = false) => ({
  headers,
  socket: { remoteAddress: peer, encrypted },
});

describe("without a trusted proxy (the default), forwarding headers are the client's own words and are ignored", () => {
  const trust = proxyTrust(undefined);

  test("the client is the socket's address, whatever X-Forwarded-For says", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), (forged, peer) => {
        const seen = resolveForwarding(
          request(peer, { host: "192.168.1.20:3000", "x-forwarded-for": forged.join(", ") }),
          trust,
        );
        expect(seen.clientAddress).toBe(peer);
      }),
    );
  });

  test("the host is the one the browser asked for, not X-Forwarded-Host", () => {
    const seen = resolveForwarding(
      request("192.168.1.31", {
        host: "192.168.1.20:3000",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      }),
      trust,
    );
    expect(seen).toEqual({ clientAddress: "192.168.1.31", host: "192.168.1.20:3000", proto: "http" });
  });

  test("a Host header that is not a host name reaches no redirect", () => {
    for (const host of ["evil.example/path", "a b", "x@evil.example", "", "evil.example:99999999"]) {
      expect(resolveForwarding(request("10.0.0.1", { host }), trust).host).toBeNull();
    }
    expect(resolveForwarding(request("::1", { host: "[::1]:3000" }), trust).host).toBe("[::1]:3000");
  });
});

describe("behind a trusted proxy", () => {
  test("one hop: the proxy's X-Forwarded-For entry is the client; what the client wrote before it is not", () => {
    const seen = resolveForwarding(
      request("127.0.0.1", {
        host: "127.0.0.1:3201",
        "x-forwarded-for": "6.6.6.6, 203.0.113.7",
        "x-forwarded-host": "spravka.school.example",
        "x-forwarded-proto": "https",
      }),
      proxyTrust("1"),
    );
    expect(seen).toEqual({ clientAddress: "203.0.113.7", host: "spravka.school.example", proto: "https" });
  });

  test("by address: headers are believed only from the named proxy", () => {
    const trust = proxyTrust("loopback, 10.1.0.0/16");
    const headers = { host: "app:3000", "x-forwarded-for": "203.0.113.7", "x-forwarded-host": "spravka.example" };
    expect(resolveForwarding(request("10.1.2.3", headers), trust)).toMatchObject({
      clientAddress: "203.0.113.7",
      host: "spravka.example",
    });
    expect(resolveForwarding(request("198.51.100.4", headers), trust)).toMatchObject({
      clientAddress: "198.51.100.4",
      host: "app:3000",
    });
  });

  test("a setting that cannot be read stops the server with a message", () => {
    expect(() => proxyTrust("not-an-address")).toThrow(/SPRAVKA_TRUSTED_PROXIES/);
  });
});

test("the app reads the client address only from the header the server set, after removing the client's copy", () => {
  const headers: Record<string, string | string[] | undefined> = {
    host: "localhost:3000",
    [CLIENT_ADDRESS_HEADER]: "1.2.3.4",
    "x-real-ip": "5.6.7.8",
    forwarded: "for=9.9.9.9",
  };
  rewriteForwardingHeaders(headers, { clientAddress: "192.168.1.31", host: "localhost:3000", proto: "http" });
  expect(headers).toMatchObject({
    [CLIENT_ADDRESS_HEADER]: "192.168.1.31",
    "x-forwarded-for": "192.168.1.31",
    "x-forwarded-host": "localhost:3000",
    "x-forwarded-proto": "http",
  });
  expect(headers["x-real-ip"]).toBeUndefined();
  expect(headers.forwarded).toBeUndefined();
  expect(clientAddress(new Headers(headers as Record<string, string>))).toBe("192.168.1.31");
  // Without Spravka's server in front (next dev), all requests share one address: limits are shared, never bypassed.
  expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
});
