/** What the sign-in form says; e2e tests assert these exact words. */
export const WRONG_CREDENTIALS_MESSAGE = "That email and password do not match an account. Check both and try again.";
export const RATE_LIMITED_MESSAGE = "Too many failed sign-ins for this email. Wait 10 minutes, then try again.";
