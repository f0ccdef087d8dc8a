import { expect, test } from "vitest";
import { refuseServerAction, SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-guard";

const action = (headers: Record<string, string>) =>
  refuseServerAction(new Headers({ "next-action": "abc", host: "192.168.1.20:3000", ...headers }));

test("an action from the page's own host passes, whichever address the class used", () => {
  expect(action({ origin: "http://192.168.1.20:3000", "content-length": "512" })).toBeNull();
  expect(action({ origin: "https://spravka.school.example", "x-forwarded-host": "spravka.school.example" })).toBeNull();
});

test("an action from another site is refused with 403, not a server error", () => {
  for (const origin of ["http://evil.example", "http://192.168.1.20:3001", "null", "not a url"]) {
    expect(action({ origin })?.status).toBe(403);
  }
});

test("a body over the limit is refused with 413 and a sentence saying the limit", () => {
  const refused = action({
    origin: "http://192.168.1.20:3000",
    "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1),
  });
  expect(refused).toEqual({ status: 413, message: expect.stringMatching(/limit is 1 MB/) });
  expect(
    action({ origin: "http://192.168.1.20:3000", "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES) }),
  ).toBeNull();
});
