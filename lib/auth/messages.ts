/** What the sign-in form says; e2e tests assert these exact words. */
export const WRONG_CREDENTIALS_MESSAGE = "That email and password do not match an account. Check both and try again.";
/** Only when many sign-ins for one email are already queued from one device: a pause, never a lockout. */
export const RATE_LIMITED_MESSAGE =
  "Too many sign-ins for this email are waiting from this device. Wait a few seconds, then try again.";
