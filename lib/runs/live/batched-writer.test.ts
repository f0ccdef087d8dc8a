import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { batchedWriter } from "./batched-writer";

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("a stream's batched writer", () => {
  test("what is written in one turn goes out as one chunk, every byte in order, turn by turn", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string(), { maxLength: 5 }), { maxLength: 5 }), async (turns) => {
        const chunks: string[] = [];
        const writer = batchedWriter((text) => chunks.push(text));
        const expected: string[] = [];
        for (const texts of turns) {
          for (const text of texts) writer.write(text);
          await turn();
          if (texts.join("") !== "") expected.push(texts.join(""));
        }
        expect(chunks).toEqual(expected);
      }),
    );
  });

  test("flush sends what is waiting at once, and it is not sent again", async () => {
    const chunks: string[] = [];
    const writer = batchedWriter((text) => chunks.push(text));
    writer.write("event: closed\n");
    writer.write("data: {}\n\n");
    expect(chunks).toEqual([]);
    writer.flush();
    expect(chunks).toEqual(["event: closed\ndata: {}\n\n"]);
    await turn();
    expect(chunks).toEqual(["event: closed\ndata: {}\n\n"]);
  });
});
