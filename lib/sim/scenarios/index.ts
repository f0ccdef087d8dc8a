import type { Scenario } from "@/lib/sim/scenario-schema";
import { NEW_ARRESTS_1955, provincialNewArrests } from "@/machines/rules";
import { defineScenario } from "./define";

const ln = (median: number, p90: number) => ({ kind: "lognormal", median, p90 }) as const;

/** The ten scenario seeds of ../shared/domain/brief.md §5. Ids are a stable interface (CLI, URLs). */
export const SCENARIOS: readonly Scenario[] = [
  defineScenario({
    id: "rostov-1954",
    title: "Rostov commission, June 1954 – January 1955",
    summary:
      "The procuracy's commission meets 18 times and works through 1,709 people. Only 56 of them (3.2%) are fully rehabilitated; the sources give no breakdown of the rest.",
    horizonDays: 240,
    caseload: { cases: 1500, newArrestsPerYear: provincialNewArrests(1500), personsPerCase: [75, 18, 5, 2] },
    institutions: { listsWithheldShare: 0.1, fileClerks: 10 },
    desks: { procurators: 8 },
    policy: { decisions: { fullRehabilitation: 2.5, confirmRefusal: 40, sentenceReduction: 36 } },
    compare: [
      {
        metric: "decidedPersons",
        value: 1709,
        tolerance: 170,
        label: "1,709 persons reviewed over 18 sessions",
        source: "adler-ch3",
        fitted: true,
        why: "The caseload is sized to it; ±10% covers seed-to-seed spread and cases still open in January.",
      },
      {
        metric: "rehabilitatedPersonsShare",
        value: 0.032,
        tolerance: 0.012,
        label: "56 of 1,709 persons (3.2%) fully rehabilitated",
        source: "adler-ch3",
        fitted: true,
        why: "Over the persons the commission reviewed; ±1.2 points is about two seeds' standard deviations.",
      },
    ],
    provenance: {
      "caseload.cases": {
        source: "adler-ch3",
        // The source counts persons, not cases: the number of cases, and persons a case, are the game's.
        note: "The source gives 1,709 persons over 18 sessions, not a number of cases. The 1,500 cases and about 1.34 persons a case (some 2,000 people, not all reached in the 240 days) are invented, sized so the persons the commission decides come near 1,709.",
      },
      "policy.decisions": {
        source: "invented",
        note: "The sources give no Rostov breakdown beyond the 56 of 1,709 (3.2%) fully rehabilitated: how the rest are split between reduced and confirmed sentences is the game's choice.",
      },
    },
  }),
  defineScenario({
    id: "chita-1954",
    title: "Chita review, June 1954 – November 1955",
    summary:
      "980 cases covering 1,646 people, reviewed over seventeen months. Almost two in three sentences are found illegal, yet only 150 cases end in full rehabilitation. Read as Adler does, the 1953 amnesty left politicals out: its ~137 amnestied were “re-categorized to come under the amnesty law”.",
    horizonDays: 520,
    caseload: {
      cases: 980,
      newArrestsPerYear: provincialNewArrests(980),
      personsPerCase: [55, 28, 11, 6],
      // The source says only that Chita's ~137 were “re-categorized to come under the amnesty law”, not from
      // which articles. Reclassification reached 58-7/11 (Aksyonov), so the game gives Chita more of them: invented.
      articles: { "58-10": 35, "58-1": 20, "58-7/11": 35, "58-14": 10 },
    },
    institutions: { listsWithheldShare: 0, listDelay: ln(30, 120) },
    desks: { procurators: 3 },
    policy: {
      decisions: {
        fullRehabilitation: 17,
        sentenceReduction: 42,
        // Under Adler's reading only the Sep 1955 amnesty's 58-1 cases can take this decision directly.
        amnesty1953: 40,
        endExile: 0.8,
        confirmRefusal: 36,
        reclassification: 120,
      },
      amnestyReading: "politicalsLeftOut",
    },
    compare: [
      {
        metric: "decidedCases",
        value: 980,
        tolerance: 60,
        label: "980 cases reviewed, June 1954 – November 1955",
        source: "adler-ch3",
        fitted: true,
        why: "The caseload is the 980 reviewed and its lists are taken to have come; a few files may still be open at the end.",
      },
      {
        metric: "decidedPersons",
        value: 1646,
        tolerance: 165,
        label: "The 980 cases covered 1,646 persons",
        source: "adler-ch3",
        fitted: true,
        why: "Persons per case are set from this figure; ±10%.",
      },
      {
        metric: "upheldShare",
        value: 0.37,
        tolerance: 0.04,
        label: "365 of 980 cases (37%) upheld",
        source: "adler-ch3",
        fitted: true,
        why: "The weight on upholding is set to it; ±4 points is two seeds' standard deviations.",
      },
      {
        metric: "upheldCases",
        value: 365,
        tolerance: 50,
        label: "365 cases upheld",
        source: "adler-ch3",
        fitted: false,
        why: "Follows from the share and from how many files the commission got through in time.",
        // The source's one figure, "365 cases (37%) upheld": the share above is set to it, so pages list it once, as fitted.
        restates: "upheldShare",
      },
      {
        metric: "notUpheldCases",
        value: 615,
        tolerance: 60,
        label: "615 cases (63%) found illegal",
        source: "adler-ch3",
        fitted: false,
        why: "Every decision but upholding; the source's parts (150 + 362 + 137 + 7 = 656) do not add up to 615.",
      },
      {
        metric: "rehabilitatedCases",
        value: 150,
        tolerance: 30,
        label: "Full rehabilitation: 150 cases",
        source: "adler-ch3",
        fitted: true,
        why: "The rehabilitation weight is set to it; ±20%.",
      },
      {
        metric: "rehabilitatedPersons",
        value: 296,
        tolerance: 60,
        label: "Full rehabilitation: 296 persons",
        source: "adler-ch3",
        fitted: false,
        why: "Nothing is tuned to persons: group cases would have to be rehabilitated as often as single ones.",
      },
      {
        metric: "reducedCases",
        value: 362,
        tolerance: 55,
        label: "362 sentences reduced",
        source: "adler-ch3",
        fitted: true,
        why: "The source does not say cases or persons; read as cases. ±15%.",
      },
      {
        metric: "amnestiedCases",
        value: 137,
        tolerance: 35,
        label: "About 137 amnestied, “re-categorized to come under the amnesty law”",
        source: "adler-ch3",
        fitted: true,
        why: "Amnesty applied directly or after reclassifying 58-7/11 as art. 109 (one path); “about”, so ±25%.",
      },
      {
        metric: "exileEndedCases",
        value: 7,
        tolerance: 5,
        label: "7 freed from exile",
        source: "adler-ch3",
        fitted: true,
        why: "A small count: a few cases either way are chance.",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "980 cases, 1,646 persons." },
      "caseload.articles": {
        source: "invented",
        note: "The source says only that Chita's ~137 were “re-categorized to come under the amnesty law”, not which articles they had. The game gives Chita more 58-7/11 cases than elsewhere because reclassification reached those (Aksyonov): its choice.",
      },
      "policy.amnestyReading": {
        source: "adler-ch3",
        note: "Adler's reading: politicals were left out of the 1953 amnesty, and Chita's ~137 were “re-categorized to come under the amnesty law”. The decree's own rule (blog-not-all-free) would have covered short terms: see the sources page.",
      },
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
      newArrestsPerYear: provincialNewArrests(35),
      personsPerCase: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      originalsElsewhereShare: 0.95,
      crossChecks: [0, 20, 40, 40],
      camps: 2,
      // The 35 cases were on the commission's docket: every one has a complaint, sent early.
      complaintShare: 1,
      firstComplaint: ln(10, 40),
    },
    institutions: {
      // Six staff in all: four to assemble and check files, two procurators to review them.
      fileClerks: 4,
      listsWithheldShare: 0,
      listDelay: ln(10, 40),
      originalsDelay: ln(120, 300),
      crossCheck: ln(45, 120),
      // Each case covers about ten people whose testimony is checked against other cases' files.
      crossCheckWork: ln(2, 5),
    },
    desks: { procurators: 2, hoursPerDay: 4 },
    compare: [
      {
        metric: "medianDaysToDecision",
        value: 180,
        tolerance: 1,
        bound: "atLeast",
        label:
          "Legal time limits exceeded: half the cases wait more than six months (the limit for Special Conference cases, from its abolition in September 1953)",
        source: "adler-ch3",
        fitted: false,
        why: "The report gives no figure, only that the limits (six months since the Special Conference's abolition) were exceeded: a floor, counting cases still waiting.",
      },
    ],
    provenance: {
      "caseload.cases": { source: "adler-ch3", note: "Tomsk: 6 staff; 35 cases covering a few hundred people." },
      "caseload.originalsElsewhereShare": { source: "adler-ch3", note: "Originals held elsewhere." },
      "caseload.complaintShare": {
        source: "adler-ch3",
        note: "The report speaks of 35 cases on the commission's hands; that each arrived by complaint in the first weeks is invented.",
      },
      "institutions.fileClerks": {
        source: "adler-ch3",
        note: "Six staff: the split into four clerks and two procurators is invented.",
      },
    },
  }),
  defineScenario({
    id: "missing-lists-1954",
    title: "The lists that never came (Ivanovo, Kostroma, Kuibyshev, Yakutia)",
    summary:
      "Camps withhold their prisoner lists; only complaints arrive. Commissions wait, then work from complaints alone. In Kostroma 250–300 cases stall.",
    horizonDays: 300,
    caseload: { cases: 1000, newArrestsPerYear: provincialNewArrests(1000) },
    institutions: { listsWithheldShare: 0.9, proceedWithoutListsAfter: ln(320, 600) },
    policy: { decisions: { fullRehabilitation: 10 } },
    compare: [
      {
        metric: "rehabilitatedShare",
        value: 0.135,
        tolerance: 0.05,
        label: "Yakutia: 30 of 223 applications fully rehabilitated",
        source: "adler-ch3",
        fitted: true,
        why: "The rehabilitation weight is set to it; ±5 points is two seeds' standard deviations on a few hundred decisions.",
      },
      {
        metric: "stalledAtListsCases",
        value: 275,
        tolerance: 25,
        label: "Kostroma: 250–300 cases stalled for lack of lists",
        source: "adler-ch3",
        fitted: true,
        why: "The source's own range; the caseload and how rarely lists came are set so the stall is that size.",
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
    caseload: { cases: 2181, newArrestsPerYear: provincialNewArrests(2181), personsPerCase: [100] },
    institutions: { listsWithheldShare: 0.05, fileClerks: 10 },
    desks: { procurators: 12 },
    policy: {
      decisions: {
        fullRehabilitation: 0.3,
        reclassification: 40,
        sentenceReduction: 22,
        amnesty1953: 9,
        endExile: 3,
        confirmRefusal: 80,
      },
    },
    compare: [
      {
        metric: "decidedCases",
        value: 2181,
        tolerance: 220,
        label: "2,181 complaints reviewed in 1955",
        source: "adler-ch3",
        fitted: false,
        why: "How many files eight desks get through in a year; ±10%. The parts of the tally sum to 2,099.",
      },
      {
        metric: "upheldCases",
        value: 1602,
        tolerance: 160,
        label: "1,602 upheld",
        source: "adler-ch3",
        fitted: true,
        why: "The weight on upholding is set to it; ±10%.",
      },
      {
        metric: "reducedCases",
        value: 360,
        tolerance: 55,
        label: "360 sentences reduced",
        source: "adler-ch3",
        fitted: true,
        why: "±15%.",
      },
      {
        metric: "amnestiedCases",
        value: 121,
        tolerance: 30,
        label: "121 amnestied",
        source: "adler-ch3",
        fitted: true,
        why: "Directly or after reclassification (the tally lists no reclassifications apart); ±25%.",
      },
      {
        metric: "exileEndedCases",
        value: 16,
        tolerance: 8,
        label: "16 freed from exile",
        source: "adler-ch3",
        fitted: false,
        why: "A small count: half as many again either way is chance.",
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
    caseload: { cases: 2869, newArrestsPerYear: provincialNewArrests(2869), personsPerCase: [100] },
    desks: { procurators: 12 },
    policy: { decisions: { confirmRefusal: 52, fullRehabilitation: 6 } },
    compare: [
      {
        metric: "upheldShare",
        value: 0.565,
        tolerance: 0.04,
        label: "Leningrad province: 1,622 of 2,869 upheld",
        source: "adler-ch3",
        fitted: true,
        why: "The weight on upholding is set to it; ±4 points.",
      },
      {
        metric: "upheldShare",
        value: 0.486,
        tolerance: 0.06,
        cases: 407,
        label: "Astrakhan, January 1955: 198 of 407 upheld",
        source: "adler-ch3",
        fitted: false,
        why: "Leningrad's weights on Astrakhan's 407 cases: a test of whether one province's practice fits its neighbour.",
      },
      {
        metric: "upheldShare",
        value: 0.646,
        tolerance: 0.11,
        cases: 79,
        label: "Balashov, January 1955: 51 of 79 appeals rejected",
        source: "adler-ch3",
        fitted: false,
        why: "Leningrad's weights on Balashov's 79 appeals; with so few, two standard deviations are about 11 points.",
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
      newArrestsPerYear: provincialNewArrests(800),
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
        tolerance: 0.05,
        label: "Mordovia: 24% of complaints went to the accused",
        source: "adler-ch3",
        fitted: true,
        why: "The camp administration's routing is set to it; the source says 24% “fell into this category”.",
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
      "Appeals to the RSFSR Presidium or to Voroshilov. The Presidium of the RSFSR Supreme Soviet grants about 165, in the stock wording of a pardon: “justifiably sentenced”, but no objection to rescinding.",
    startDate: "1955-01-01",
    horizonDays: 210,
    caseload: {
      cases: 3000,
      newArrestsPerYear: provincialNewArrests(3000),
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
    institutions: { presidiumPardonShare: 0.2, presidiumDays: ln(110, 220) },
    compare: [
      {
        metric: "pardonedCases",
        value: 165,
        tolerance: 40,
        label: "About 165 requests granted by the Presidium of the RSFSR Supreme Soviet, Jan–Jul 1955",
        source: "adler-ch3",
        fitted: true,
        why: "The share of letters the Presidium granted is set to it, for an invented number of letters; “about”, so ±25%.",
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
      newArrestsPerYear: provincialNewArrests(600),
      organs: {
        court: 70,
        militaryTribunal: 20,
        specialConference: 10,
        nkvdTroika: 0,
        ogpuCollegium: 0,
        militaryCollegium: 0,
      },
    },
    institutions: { spravkaIssueShare: [0.08, 0.03, 0.03, 0.03], spravkaWait: ln(90, 240), courtBacklog: ln(60, 150) },
    policy: { decisions: { fullRehabilitation: 30 } },
    compare: [
      {
        metric: "spravkaIssuedShare",
        value: 0.2,
        tolerance: 0.1,
        bound: "atMost",
        label: "Late 1955: courts were “not sending” spravki; most did not come",
        source: "adler-ch3",
        fitted: false,
        why: "The source gives no number, only that spravki mostly did not come: a ceiling of 30% of those due.",
      },
    ],
    provenance: {
      "institutions.spravkaIssueShare": {
        source: "adler-ch3",
        note: "Courts were “not sending” spravki (late 1955): few come unasked, and asking again helps little; shares invented.",
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
    caseload: { cases: 467_946, newArrestsPerYear: NEW_ARRESTS_1955, personsPerCase: [100], camps: 65 },
    institutions: { fileClerks: 450, listsWithheldShare: 0.3 },
    desks: { procurators: 365, hoursPerDay: 4.8 },
    policy: { decisions: { confirmRefusal: 60 } },
    compare: [
      {
        metric: "releasedCases",
        value: 24_036,
        tolerance: 4800,
        label: "24,036 released under the May 19 review by early 1956",
        source: "adler-ch3",
        fitted: true,
        why: "The procurators' hours for review are set to it; ±20%, as the count's definition of “released” is the source's.",
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
        note: "Clerks assembling and cross-checking files for all commissions; the sources give no number. Set with the desks' hours so that the releases come to about 24,036.",
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
