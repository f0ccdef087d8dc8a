import { RECLASSIFY_LABELS } from "@/lib/desk/decisions";
import { GLOSSARY } from "@/lib/glossary";
import { DESK_COSTS } from "@/lib/desk/work";
import { historicalDateLabel } from "@/lib/sim/historical-date";
import { INJECTIONS } from "@/lib/runs/injections";
import { AMNESTY_SCENARIOS } from "@/lib/sim/amnesty/scenarios";
import type { AmnestyScenario } from "@/lib/sim/amnesty/scenario";
import { ADDRESSEE_NOTES, CARRIER_NOTES, GROUNDS_NOTES, PETITION_EFFECTS } from "@/lib/sim/petitions";
import { SCENARIOS } from "@/lib/sim/scenarios";
import { RULES } from "@/machines/rules";
import type { SourceKey } from "@/machines/vocabulary";

/**
 * One claim the app makes, where it is used, and what it rests on: a source,
 * this game's invention, or (for a word of the time no source here uses)
 * common usage.
 */
export type Claim = { area: string; text: string; source: SourceKey | "invented" | "common-usage" };

/** The area the glossary's claims are listed under on the sources page. */
export const GLOSSARY_AREA = "The glossary";

/** The area the 1945 amnesty's rules (machines/rules.ts, `amnesty1945…`) are listed under. */
export const RULES_1945_AREA = "The rules of the 1945 amnesty";

/**
 * Every claim in the app's rules, figures and texts that names a source (or
 * says it is invented), gathered from the modules that use them: the case
 * machine's rules, the desk's work, the letter form, the injectable events,
 * each scenario's figures (the 1954–55 review's and the 1945 amnesty's) and
 * the glossary. The sources page lists them under
 * their key.
 */
export function allClaims(): Claim[] {
  const claims: Claim[] = [];
  for (const [id, rule] of Object.entries(RULES)) {
    const area = id.startsWith("amnesty1945") ? RULES_1945_AREA : "The rules of the review";
    claims.push({ area, text: rule.claim, source: rule.source });
  }
  for (const work of Object.values(DESK_COSTS)) {
    claims.push({ area: "The procurator's desk", text: `${work.label}: ${work.note}`, source: work.source });
  }
  for (const to of Object.values(RECLASSIFY_LABELS)) {
    claims.push({ area: "The procurator's desk", text: `Reclassification to ${to.label}.`, source: to.source });
  }
  for (const [key, effect] of Object.entries(PETITION_EFFECTS)) {
    claims.push({
      area: "How letters move the odds",
      text: `${effect.note} (${key}; its size is invented)`,
      source: effect.source,
    });
  }
  for (const g of Object.values(GROUNDS_NOTES))
    claims.push({ area: "The letter form", text: `${g.label}: ${g.note}`, source: g.source });
  for (const c of Object.values(CARRIER_NOTES))
    claims.push({ area: "The letter form", text: c.note, source: c.source });
  for (const a of Object.values(ADDRESSEE_NOTES))
    claims.push({ area: "The letter form", text: a.note, source: a.source });
  for (const i of INJECTIONS) {
    claims.push({ area: "Events a teacher can inject", text: `${i.title}: ${i.news}`, source: i.source });
  }
  for (const s of SCENARIOS) {
    for (const c of s.compare)
      claims.push({ area: `Scenario: ${s.title}`, text: c.label, source: c.source as SourceKey });
    for (const event of s.events) {
      claims.push({
        area: `Scenario: ${s.title}`,
        text: `${historicalDateLabel(event.dateAsGiven ?? event.date)}: ${event.title}`,
        source: event.source as SourceKey,
      });
    }
    for (const [path, p] of Object.entries(s.provenance)) {
      claims.push({
        area: `Scenario: ${s.title}`,
        text: `${path}: ${p.note}`,
        source: p.source as SourceKey | "invented",
      });
    }
  }
  for (const s of AMNESTY_SCENARIOS) {
    const area = `Scenario: ${s.title}`;
    for (const c of s.compare) claims.push({ area, text: c.label, source: c.source });
    // The tallies are the source's (the scenario's schema): they rest on the source its figures cite.
    const tallySource: AmnestyScenario["compare"][number]["source"] = "alexopoulos-1945";
    for (const t of s.tallies) {
      const text = t.freed === undefined ? t.label : `${t.label}: ${t.freed.toLocaleString("en")} freed`;
      claims.push({ area, text, source: tallySource });
    }
    for (const [path, p] of Object.entries(s.provenance))
      claims.push({ area, text: `${path}: ${p.note}`, source: p.source });
  }
  // An entry resting on more than one source is listed under each.
  for (const g of GLOSSARY) {
    for (const source of [g.source, ...(g.also ?? [])])
      claims.push({ area: GLOSSARY_AREA, text: `${g.term}: ${g.text}`, source });
  }
  // The same text can reach several places (shared scenario defaults): list it once per area.
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.area}|${c.text}|${c.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
