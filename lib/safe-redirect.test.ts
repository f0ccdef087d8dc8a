import { expect, test } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

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
