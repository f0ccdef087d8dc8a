import { expect, test } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";
import { clientAddress } from "./auth/client-address";

test.each([
  ["/runs/abc", "/runs/abc"],
  ["https://evil.example/", "/runs"],
  ["//evil.example", "/runs"],
  ["/\\evil.example", "/runs"],
  ["/\t/evil.example", "/runs"],
  ["/\n/evil.example", "/runs"],
  ["/ /evil.example", "/runs"],
  ["/runs?tab=live#queues", "/runs?tab=live#queues"],
  [undefined, "/runs"],
  [["/a", "/b"], "/runs"],
])("a callback URL %j becomes %j", (input, expected) => {
  expect(safeCallbackUrl(input)).toBe(expected);
});

test("the client address is the last hop of x-forwarded-for, else x-real-ip, else unknown", () => {
  expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.9, 10.0.0.5" }))).toBe("10.0.0.5");
  expect(clientAddress(new Headers({ "x-real-ip": " 10.0.0.7 " }))).toBe("10.0.0.7");
  expect(clientAddress(new Headers())).toBe("unknown");
});
