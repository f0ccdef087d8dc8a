import { describe, expect, test } from "vitest";
import { playerName } from "./player-name";

describe("the player's name on a seat's page", () => {
  test("a self-guided seat is not called “You”: it has no player's name to show", () => {
    expect(playerName("You", true)).toBeNull();
  });

  test("a class seat shows the name typed at the join page", () => {
    expect(playerName("Alex 2", false)).toBe("Alex 2");
  });
});
