import type { Scenario } from "@/lib/sim/scenario-schema";
import { defineScenario } from "./define";

const ln = (median: number, p90: number) => ({ kind: "lognormal", median, p90 }) as const;

/** The ten scenario seeds of ../shared/domain/brief.md §5. Ids are a stable interface (CLI, URLs). */
export const SCENARIOS: readonly Scenario[] = [
  defineScenario({
    id: "rostov-1954",
    title: "Rostov commission, June 1954 – January 1955",
    summary:
      "The procuracy's commission meets 18 times and works through 1,709 people. Very few are fully rehabilitated: most sentences are reduced or confirmed.",
    horizonDays: 240,
    caseload: { cases: 1100, personsPerCase: [75, 18, 5, 2] },
    desks: { procurators: 5 },
    policy: { decisions: { fullRehabilitation: 3.4, confirmRefusal: 40, sentenceReduction: 36 } },
    compare: [
      {
        metric: "rehabilitatedPersonsShare",
        value: 0.032,
        tolerance: 0.015,
        label: "56 of 1,709 persons (3.2%) fully rehabilitated",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": {
        source: "adler-ch3",
        note: "1,709 persons over 18 sessions; about 1.55 persons a case is invented.",
      },
    },
  }),
  defineScenario({
    id: "chita-1954",
    title: "Chita review, June 1954 – November 1955",
    summary:
      "980 cases covering 1,646 people, reviewed over seventeen months. Almost two in three sentences are found illegal, yet only 150 cases end in full rehabilitation.",
    horizonDays: 520,
    caseload: { cases: 980, personsPerCase: [55, 28, 11, 6] },
    desks: { procurators: 3 },
    policy: {
      decisions: {
        fullRehabilitation: 12,
        sentenceReduction: 40,
        amnesty1953: 16,
        endExile: 0.8,
        confirmRefusal: 28,
        reclassification: 1,
      },
    },
    compare: [
      {
        metric: "upheldShare",
        value: 0.37,
        tolerance: 0.06,
        label: "365 of 980 cases (37%) upheld",
        source: "adler-ch3",
      },
      {
        metric: "rehabilitatedShare",
        value: 0.153,
        tolerance: 0.05,
        label: "150 of 980 cases fully rehabilitated",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "980 cases, 1,646 persons." },
    },
  }),
  defineScenario({
    id: "tomsk-1955",
    title: "Tomsk, understaffed (late 1955)",
    summary:
      "Six staff, 35 cases covering a few hundred people, originals held elsewhere, every case needing other cases to check testimony. Legal time limits are exceeded.",
    startDate: "1955-03-01",
    horizonDays: 400,
    caseload: {
      cases: 35,
      personsPerCase: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      originalsElsewhereShare: 0.95,
      crossChecks: [0, 20, 40, 40],
      camps: 2,
    },
    institutions: { fileClerks: 6, originalsDelay: ln(120, 300), crossCheck: ln(45, 120) },
    desks: { procurators: 2, hoursPerDay: 4 },
    compare: [
      {
        metric: "medianDaysToDecision",
        value: 180,
        tolerance: 120,
        label: "time limits exceeded (six months was the Special Conference review limit)",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "Tomsk: 6 staff; 35 cases covering a few hundred people." },
      "caseload.originalsElsewhereShare": { source: "adler-ch3", note: "Originals held elsewhere." },
    },
  }),
  defineScenario({
    id: "missing-lists-1954",
    title: "The lists that never came (Ivanovo, Kostroma, Kuibyshev, Yakutia)",
    summary:
      "Camps withhold their prisoner lists; only complaints arrive. Commissions wait, then work from complaints alone. In Kostroma 250–300 cases stall.",
    horizonDays: 300,
    caseload: { cases: 600 },
    institutions: { listsWithheldShare: 0.9, proceedWithoutListsAfter: ln(200, 400) },
    policy: { decisions: { fullRehabilitation: 14 } },
    compare: [
      {
        metric: "rehabilitatedShare",
        value: 0.135,
        tolerance: 0.06,
        label: "Yakutia: 30 of 223 applications fully rehabilitated",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "institutions.listsWithheldShare": {
        source: "adler-ch3",
        note: "Ivanovo worked from complaints only; Kostroma's 250–300 cases stalled for lack of lists.",
      },
    },
  }),
  defineScenario({
    id: "stalingrad-1955",
    title: "Stalingrad, 1955",
    summary: "2,181 complaints reviewed in 1955; about three in four sentences confirmed.",
    startDate: "1955-01-01",
    horizonDays: 365,
    caseload: { cases: 2181, personsPerCase: [100] },
    desks: { procurators: 8 },
    // Stalingrad's 1955 tally lists no reclassifications, so the Sep 1954 ruling's
    // boost to them is left out here.
    events: [],
    policy: {
      decisions: {
        fullRehabilitation: 0.3,
        reclassification: 0.3,
        sentenceReduction: 22,
        amnesty1953: 9,
        endExile: 1,
        confirmRefusal: 62,
      },
    },
    compare: [
      {
        metric: "upheldShare",
        value: 0.734,
        tolerance: 0.06,
        label: "1,602 of 2,181 complaints upheld",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "2,181 complaints." },
      events: {
        source: "adler-ch3",
        note: "The 1955 tally (360 reduced, 121 amnestied, 16 exile, 1,602 upheld) has no reclassifications.",
      },
    },
  }),
  defineScenario({
    id: "january-1955-dockets",
    title: "January 1955 dockets (Leningrad province)",
    summary:
      "Leningrad province's 2,869 political cases, with Astrakhan (407, 198 upheld) and Balashov (79, 51 rejected) beside it; and a handwriting case.",
    startDate: "1954-09-01",
    horizonDays: 150,
    caseload: { cases: 2869, personsPerCase: [100] },
    desks: { procurators: 12 },
    policy: { decisions: { confirmRefusal: 58, fullRehabilitation: 6 } },
    compare: [
      {
        metric: "upheldShare",
        value: 0.565,
        tolerance: 0.06,
        label: "Leningrad province: 1,622 of 2,869 upheld",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "Leningrad province, early 1955: 2,869 political cases." },
    },
  }),
  defineScenario({
    id: "complaints-to-accused",
    title: "Complaints to the accused (Arkhangelsk, Mordovia)",
    summary: "Most letters go to the camp administration, which forwards them to the very chiefs they accuse.",
    horizonDays: 300,
    caseload: {
      cases: 800,
      complaintShare: 0.9,
      addressees: {
        campAdministration: 45,
        campProcurator: 30,
        provincialProcuracy: 10,
        kgb: 5,
        presidium: 8,
        generalProcurator: 2,
      },
    },
    institutions: {
      listsWithheldShare: 0.7,
      routing: { campAdministration: { register: 30, forwardToAccused: 42, lose: 14, formReply: 14 } },
    },
    compare: [
      {
        metric: "forwardedToAccusedShare",
        value: 0.24,
        tolerance: 0.08,
        label: "Mordovia: 24% of complaints went to the accused",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.addressees": { source: "invented", note: "Most letters addressed inside the camp." },
      "institutions.routing": {
        source: "adler-ch3",
        note: "Calibrated to Mordovia: 24% of complaints went to the accused.",
      },
    },
  }),
  defineScenario({
    id: "petitioning-the-top-1955",
    title: "Petitioning the top (January – July 1955)",
    summary:
      "Appeals to the RSFSR Presidium or to Voroshilov. About 165 are granted, in the stock wording of a pardon: “justifiably sentenced”, but no objection to rescinding.",
    startDate: "1955-01-01",
    horizonDays: 210,
    caseload: {
      cases: 3000,
      complaintShare: 0.8,
      addressees: {
        presidium: 70,
        campAdministration: 10,
        campProcurator: 5,
        provincialProcuracy: 5,
        kgb: 5,
        generalProcurator: 5,
      },
    },
    institutions: { presidiumPardonShare: 0.24, presidiumDays: ln(110, 220) },
    compare: [
      {
        metric: "pardonedCases",
        value: 165,
        tolerance: 60,
        label: "About 165 requests granted by the Presidium, Jan–Jul 1955",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "institutions.presidiumPardonShare": { source: "adler-ch3", note: "Calibrated to about 165 granted." },
      "institutions.presidiumDays": {
        source: "invented",
        note: "Compressed to fit the Jan–Jul 1955 window; Barkhanov's nine months (adler-ch3) would leave almost no answers inside it.",
      },
    },
  }),
  defineScenario({
    id: "missing-spravka-1955",
    title: "The missing spravka (late 1955)",
    summary:
      "Courts suspend cases and send a notice, but no certificate follows. People complain to the local MVD, the provincial procuracy, the General Procuracy.",
    startDate: "1955-03-01",
    horizonDays: 300,
    caseload: {
      cases: 600,
      organs: {
        court: 70,
        militaryTribunal: 20,
        specialConference: 10,
        nkvdTroika: 0,
        ogpuCollegium: 0,
        militaryCollegium: 0,
      },
    },
    institutions: { spravkaIssueShare: [0.05, 0.08, 0.1, 0.15], spravkaWait: ln(90, 240), courtBacklog: ln(60, 150) },
    policy: { decisions: { fullRehabilitation: 30 } },
    compare: [
      {
        metric: "spravkaIssuedShare",
        value: 0.15,
        tolerance: 0.15,
        label: "Late 1955: courts were not issuing spravki",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "institutions.spravkaIssueShare": {
        source: "adler-ch3",
        note: "Courts suspended cases but issued no spravki (late 1955); shares invented.",
      },
    },
  }),
  defineScenario({
    id: "national-1954",
    title: "The national queue, May 1954 – February 1956",
    summary:
      "467,946 counter-revolutionary prisoners, 365 camp procurators, staff cuts, fewer than half the procurators with a law degree. 24,036 were released under the May 19 review.",
    startDate: "1954-05-19",
    horizonDays: 647,
    caseload: { cases: 467_946, personsPerCase: [100], camps: 65 },
    institutions: { fileClerks: 200, listsWithheldShare: 0.3 },
    desks: { procurators: 365, hoursPerDay: 3.2 },
    policy: { decisions: { confirmRefusal: 60 } },
    compare: [
      {
        metric: "releasedCases",
        value: 24_036,
        tolerance: 8000,
        label: "24,036 released under the May 19 review by early 1956",
        source: "adler-ch3",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "467,946 counter-revolutionary prisoners, early 1954." },
      "desks.procurators": { source: "adler-ch3", note: "365 camp-procurator posts (Feb 1954)." },
      "desks.hoursPerDay": {
        source: "invented",
        note: "Review was one duty among many; calibrated to the 24,036 released.",
      },
      "caseload.camps": { source: "adler-ch3", note: "65 camps (Feb 1954)." },
      "institutions.fileClerks": {
        source: "invented",
        note: "Clerks assembling files for all commissions; the sources give no number.",
      },
      "institutions.listsWithheldShare": {
        source: "adler-ch3",
        note: "Several provinces waited for lists that did not come; the national share is invented.",
      },
    },
  }),
];

export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
