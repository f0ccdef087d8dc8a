/** Stage colours: distinguishable for common colour-blindness, dark enough against white. */
export const COLOURS = {
  complaint: "#1f4e79",
  lists: "#b45309",
  commission: "#9b1c1c",
  court: "#6d28d9",
  spravka: "#0f766e",
  decided: "#6b7280",
} as const;

export const KEYS = ["complaint", "lists", "commission", "court", "spravka", "decided"] as const;
export type StageKey = (typeof KEYS)[number];

export const STAGE_NAMES: Record<StageKey, string> = {
  complaint: "Complaint",
  lists: "Waiting for the camp's list",
  commission: "At the commission",
  court: "Before the court",
  spravka: "Waiting for the spravka",
  decided: "Decided",
};

/** Cases in each stage on one date, as the stacked chart draws them. */
export type StagesRow = { date: string } & Record<StageKey, number>;
