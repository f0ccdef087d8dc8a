import { describe, expect, test, vi } from "vitest";
import { MAX_SEATS } from "@/lib/runs/policy";
import { MAX_PROCESSES, optionsOrExitCode, parseLoadtestArgs, UsageError } from "./loadtest-args";

const URL = ["--url", "http://127.0.0.1:3000"];

function usageError(argv: string[]): string {
  try {
    parseLoadtestArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseLoadtestArgs", () => {
  test("only --url gives the defaults of the 200-student target", () => {
    expect(parseLoadtestArgs(URL)).toEqual({
      url: "http://127.0.0.1:3000",
      students: 200,
      durationS: 60,
      json: false,
      scenario: "rostov-1954",
      speed: 30,
      procurators: 20,
      thinkMs: 3000,
      email: null,
      password: null,
      processes: 1,
      help: false,
    });
  });

  test("every option is read, in either --name value or --name=value form", () => {
    const options = parseLoadtestArgs([
      "--url=https://class.example.org/spravka/",
      "--students",
      "30",
      "--duration=20",
      "--json",
      "--scenario",
      "chita-1954",
      "--speed",
      "60.5",
      "--procurators=5",
      "--think",
      "1500",
      "--email",
      "teacher@school.org",
      "--password=correct horse battery",
      "--processes",
      "3",
    ]);
    expect(options).toEqual({
      url: "https://class.example.org/spravka",
      students: 30,
      durationS: 20,
      json: true,
      scenario: "chita-1954",
      speed: 60.5,
      procurators: 5,
      thinkMs: 1500,
      email: "teacher@school.org",
      password: "correct horse battery",
      processes: 3,
      help: false,
    });
  });

  test("the default procurators are about one in ten students", () => {
    expect(parseLoadtestArgs([...URL, "--students", "30"]).procurators).toBe(3);
    expect(parseLoadtestArgs([...URL, "--students", "1"]).procurators).toBe(0);
    expect(parseLoadtestArgs([...URL, "--students", "25"]).procurators).toBe(3);
  });

  test("a missing --url is a usage error", () => {
    expect(usageError(["--students", "10"])).toMatch(/--url is required/);
  });

  test("--help needs no --url", () => {
    expect(parseLoadtestArgs(["--help"]).help).toBe(true);
    expect(parseLoadtestArgs(["-h"]).help).toBe(true);
  });

  test("a URL that is not http or https is a usage error", () => {
    expect(usageError(["--url", "ftp://example.org"])).toMatch(/http or https/);
    expect(usageError(["--url", "127.0.0.1:3000"])).toMatch(/http or https|full http/);
    expect(usageError(["--url", "not a url"])).toMatch(/full http/);
    expect(usageError(["--url", "http://example.org/?x=1"])).toMatch(/without a query/);
  });

  test("student counts outside 1 to the seats a run may have, or not whole, are usage errors", () => {
    expect(parseLoadtestArgs([...URL, "--students", String(MAX_SEATS)]).students).toBe(MAX_SEATS);
    expect(usageError([...URL, "--students", "0"])).toMatch(`between 1 and ${MAX_SEATS}`);
    expect(usageError([...URL, "--students", String(MAX_SEATS + 1)])).toMatch(`between 1 and ${MAX_SEATS}`);
    expect(usageError([...URL, "--students", "2.5"])).toMatch(/whole number/);
    expect(usageError([...URL, "--students", "-3"])).toMatch(/needs a value|whole number|Unexpected/);
    expect(usageError([...URL, "--students", "ten"])).toMatch(/whole number/);
  });

  test("a duration outside 5 to 3600 seconds is a usage error", () => {
    expect(usageError([...URL, "--duration", "4"])).toMatch(/between 5 and 3600/);
    expect(usageError([...URL, "--duration", "3601"])).toMatch(/between 5 and 3600/);
    expect(usageError([...URL, "--duration", "1m"])).toMatch(/must be a number/);
  });

  test("a speed outside 1 to 120 days a minute is a usage error", () => {
    expect(usageError([...URL, "--speed", "0.5"])).toMatch(/between 1 and 120/);
    expect(usageError([...URL, "--speed", "121"])).toMatch(/between 1 and 120/);
  });

  test("more procurators than students is a usage error", () => {
    expect(usageError([...URL, "--students", "10", "--procurators", "11"])).toMatch(/between 0 and 10/);
    expect(parseLoadtestArgs([...URL, "--procurators", "0"]).procurators).toBe(0);
  });

  test("processes run from one to as many as there are students, at most MAX_PROCESSES", () => {
    for (const students of [1, 2, 7, MAX_PROCESSES, 200, MAX_SEATS]) {
      const most = Math.min(MAX_PROCESSES, students);
      expect(parseLoadtestArgs([...URL, "--students", String(students), "--processes", String(most)]).processes).toBe(
        most,
      );
      expect(usageError([...URL, "--students", String(students), "--processes", String(most + 1)])).toMatch(
        `between 1 and ${most}`,
      );
    }
    expect(usageError([...URL, "--processes", "0"])).toMatch(/between 1 and/);
  });

  test("a think time below 100 ms is a usage error", () => {
    expect(usageError([...URL, "--think", "50"])).toMatch(/between 100 and 600000/);
  });

  test("an email without a password, or the reverse, is a usage error", () => {
    expect(usageError([...URL, "--email", "teacher@school.org"])).toMatch(/together/);
    expect(usageError([...URL, "--password", "secret-secret"])).toMatch(/together/);
    expect(usageError([...URL, "--email", "teacher", "--password", "secret-secret"])).toMatch(/email address/);
  });

  test("an unknown option, a stray argument or a repeated option is a usage error", () => {
    expect(usageError([...URL, "--studnets", "5"])).toMatch(/Unknown option --studnets/);
    expect(usageError([...URL, "200"])).toMatch(/Unexpected argument "200"/);
    expect(usageError([...URL, "--students", "5", "--students", "6"])).toMatch(/more than once/);
  });

  test("an option without its value is a usage error", () => {
    expect(usageError([...URL, "--students"])).toMatch(/--students needs a value/);
    expect(usageError([...URL, "--students", "--json"])).toMatch(/--students needs a value/);
    expect(usageError([...URL, "--scenario="])).toMatch(/--scenario needs a value/);
    expect(usageError([...URL, "--json=yes"])).toMatch(/--json takes no value/);
  });
});

describe("optionsOrExitCode", () => {
  test("bad input prints the message and the usage and gives 2; --help prints the usage and gives 0; good input gives the options", () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(optionsOrExitCode(["--students", "0", ...URL], parseLoadtestArgs, "USAGE")).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/students[\s\S]*\n\nUSAGE\n$/);
      expect(optionsOrExitCode(["--help"], parseLoadtestArgs, "USAGE")).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0]))).toEqual(["USAGE\n"]);
      expect(optionsOrExitCode([...URL, "--students", "30"], parseLoadtestArgs, "USAGE")).toMatchObject({
        students: 30,
      });
      // Anything but bad input is not swallowed.
      const boom = () => {
        throw new TypeError("a bug");
      };
      expect(() => optionsOrExitCode([], boom, "USAGE")).toThrow("a bug");
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});
