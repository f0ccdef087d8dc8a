import { createHash, randomBytes, randomInt } from "node:crypto";
import { CODE_ALPHABET, JOIN_CODE_LENGTH, REJOIN_CODE_LENGTH } from "./policy";

function randomCode(length: number): string {
  let code = "";
  for (let k = 0; k < length; k++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function generateJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

export function generateRejoinCode(): string {
  return randomCode(REJOIN_CODE_LENGTH);
}

/** "k7mp-3qxd " → "K7MP3QXD": case, spaces and dashes do not matter when typing a code. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** "K7MP3QXD" → "K7MP-3QXD" */
export function formatRejoinCode(code: string): string {
  return code.length === REJOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** A browser's claim to a seat: the cookie holds it, the database only its hash. */
export function newSeatToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashSeatToken(token) };
}

export function hashSeatToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
