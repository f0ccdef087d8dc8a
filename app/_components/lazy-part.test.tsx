import { prerender } from "react-dom/static";
import { describe, expect, test, vi } from "vitest";
import { lazyPart } from "./lazy-part";

const parts = {
  Letter: ({ to }: { to: string }) => <p>A letter to {to}</p>,
  Protocol: ({ number }: { number: number }) => <p>Protocol {number}</p>,
};

/** What the server sends for an element, once everything it waits for has loaded. */
async function html(element: React.ReactNode): Promise<string> {
  const { prelude } = await prerender(element);
  return new Response(prelude).text();
}

describe("lazyPart", () => {
  test("renders the named export of the module it loads, with its props", async () => {
    const Letter = lazyPart(async () => parts, "Letter");
    const Protocol = lazyPart(async () => parts, "Protocol");
    for (const to of ["the Procurator General", "Voroshilov"]) {
      expect(await html(<Letter to={to} />)).toBe(`<p>A letter to <!-- -->${to}</p>`);
    }
    expect(await html(<Protocol number={7} />)).toBe("<p>Protocol <!-- -->7</p>");
  });

  test("loads the module only when the part is first rendered, and once", async () => {
    const load = vi.fn(async () => parts);
    const Letter = lazyPart(load, "Letter");
    expect(load).not.toHaveBeenCalled();
    await html(
      <>
        <Letter to="a" />
        <Letter to="b" />
      </>,
    );
    expect(load).toHaveBeenCalledTimes(1);
  });
});
