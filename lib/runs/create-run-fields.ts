/**
 * The New run form's fields, in the form's order: the form and its action
 * both name them. A module of its own, with no imports, so the form (a
 * client component) does not pull the validation schemas into the browser;
 * lib/runs/validation.ts checks each is a field its schema reads.
 */
export const CREATE_RUN_FIELDS = [
  "title",
  "scenarioId",
  "procuratorSeats",
  "petitionerSeats",
  "speed",
  "computerHelps",
  "prologue",
  "epilogue",
  "seed",
] as const;
