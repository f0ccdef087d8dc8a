/**
 * The runs this browser has played alone, for "continue where you left off" on the Explore page.
 * On its own so the Explore page reads the list without loading the seat's clock controls.
 */
export const SOLO_RUNS_KEY = "spravka-solo-runs";
export type SoloRunNote = { runId: string; title: string; role: string; at: number };
