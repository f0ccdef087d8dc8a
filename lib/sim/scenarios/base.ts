import type { Scenario } from "@/lib/sim/scenario-schema";

const ln = (median: number, p90: number) => ({ kind: "lognormal", median, p90 }) as const;

/**
 * Defaults shared by the provincial scenarios (1954–55). Each scenario
 * overrides what its sources say about its province. `provenance` says where
 * every figure comes from; "invented" marks what the sources are silent on.
 */
export const BASE: Omit<Scenario, "id" | "title" | "summary" | "compare"> = {
  schemaVersion: 1,
  startDate: "1954-06-01",
  horizonDays: 240,
  caseload: {
    cases: 1000,
    personsPerCase: [62, 25, 9, 4],
    organs: {
      ogpuCollegium: 3,
      nkvdTroika: 14,
      specialConference: 25,
      court: 43,
      militaryTribunal: 13,
      militaryCollegium: 2,
    },
    articles: { "58-10": 45, "58-1": 30, "58-7/11": 15, "58-14": 10 },
    termYears: [
      { years: 5, weight: 12 },
      { years: 8, weight: 18 },
      { years: 10, weight: 35 },
      { years: 15, weight: 15 },
      { years: 25, weight: 20 },
    ],
    exileShare: 0.13,
    exileAfterTermShare: 0.13,
    originalsElsewhereShare: 0.5,
    crossChecks: [50, 30, 20],
    complaintShare: 0.6,
    firstComplaint: ln(45, 150),
    maxComplaints: [40, 35, 25],
    addressees: {
      campAdministration: 30,
      campProcurator: 20,
      provincialProcuracy: 20,
      kgb: 10,
      presidium: 15,
      generalProcurator: 5,
    },
    camps: 12,
    newArrestsPerYear: 0,
  },
  institutions: {
    complaintTransit: ln(20, 60),
    routing: {
      campAdministration: { register: 15, forwardToAccused: 65, lose: 10, formReply: 10 },
      campProcurator: { register: 55, forwardToAccused: 24, lose: 8, formReply: 13 },
      provincialProcuracy: { register: 75, forwardToAccused: 10, lose: 5, formReply: 10 },
      kgb: { register: 70, forwardToAccused: 10, lose: 10, formReply: 10 },
      presidium: { register: 45, forwardToAccused: 5, lose: 10, formReply: 40 },
      generalProcurator: { register: 60, forwardToAccused: 15, lose: 5, formReply: 20 },
    },
    rewrite: ln(60, 150),
    presidiumPardonShare: 0.05,
    presidiumDays: ln(270, 420),
    listsWithheldShare: 0.2,
    listDelay: ln(60, 200),
    proceedWithoutLists: true,
    proceedWithoutListsAfter: ln(120, 240),
    complaintsOnlyReviewFactor: 1.5,
    fileClerks: 6,
    fileAssembly: ln(0.4, 1.2),
    originalsRequestWork: ln(0.2, 0.6),
    originalsDelay: ln(60, 150),
    crossCheckWork: ln(0.3, 1),
    crossCheck: ln(20, 60),
    courtBacklog: ln(90, 240),
    reinvestigation: ln(150, 360),
    courtRulings: { suspend: 55, returnForInvestigation: 10, psychiatric: 3, reject: 32 },
    spravkaIssueShare: [0.3, 0.05, 0.05, 0.05],
    spravkaWait: ln(60, 180),
    heldAfterRelease: ln(30, 90),
  },
  desks: { procurators: 4, hoursPerDay: 6, reviewHoursPerPerson: ln(3, 8) },
  policy: {
    decisions: {
      fullRehabilitation: 10,
      reclassification: 6,
      sentenceReduction: 36,
      amnesty1953: 12,
      endExile: 2,
      confirmRefusal: 34,
    },
    bias: 1,
    reclassificationLaw: false,
    collaboratorsAmnesty: false,
    amnestyReading: "shortTermsFreed",
  },
  events: [
    {
      date: "1954-04-24",
      id: "exile-order",
      title: "MVD–Procuracy order ends exile for counter-revolutionaries with terms up to five years",
      source: "adler-ch3",
      effects: [{ scale: "policy.decisions.endExile", by: 1.5 }],
    },
    {
      date: "1954-06-01",
      dateAsGiven: "1954-06",
      id: "special-conference-exiles",
      title: "June 1954 decree: Special Conference exiles to be released within two months",
      source: "adler-ch3",
      effects: [{ scale: "policy.decisions.endExile", by: 1.5 }],
    },
    {
      date: "1954-09-24",
      id: "reclassification-ruling",
      title: "RSFSR Supreme Court Presidium reclassifies 58-7 and 58-11 conduct as art. 109",
      source: "adler-ch3",
      effects: [{ set: "policy.reclassificationLaw", value: true }],
    },
    {
      date: "1955-05-01",
      dateAsGiven: "1955-05",
      id: "law-degree-decree",
      title: "New procurators must have a higher legal education",
      source: "adler-ch3",
      // It reached new procurators only, and no one is hired in a scenario: news, not a change to every desk.
      effects: [],
    },
    {
      date: "1955-09-17",
      dateAsGiven: "1955-09",
      id: "collaborators-amnesty",
      title: "Amnesty for those accused of collaboration with the occupiers",
      source: "adler-ch3",
      effects: [{ set: "policy.collaboratorsAmnesty", value: true }],
    },
    {
      date: "1956-02-25",
      dateAsGiven: "1956-02-24/25",
      id: "twentieth-congress",
      title: "Khrushchev's speech at the XX Congress; rehabilitation accelerates",
      source: "17moments",
      effects: [
        { scale: "policy.bias", by: 0.5 },
        { scale: "policy.decisions.fullRehabilitation", by: 2.5 },
      ],
    },
  ],
  provenance: {
    startDate: { source: "adler-ch3", note: "Provincial commissions began sitting in June 1954 (Rostov, Chita)." },
    horizonDays: { source: "adler-ch3", note: "Rostov sat June 1954 – January 1955." },
    "caseload.cases": { source: "invented", note: "Scenarios set their own caseload from their province's figures." },
    "caseload.personsPerCase": {
      source: "adler-ch3",
      note: "Calibrated to Chita's 980 cases covering 1,646 persons (about 1.7 persons a case); the spread is invented.",
    },
    "caseload.organs": {
      source: "invented",
      note: "The sources give no mix of sentencing organs; the Special Conference alone sentenced 442,531 people in 1934–53 (adler-ch3).",
    },
    "caseload.articles": {
      source: "invented",
      note: "The role cards name 58-10 agitation, 58-7/11 wrecking and 58-1 collaboration cases; the mix is invented.",
    },
    "caseload.termYears": {
      source: "adler-ch3",
      note: "Most politicals had 8–25 years; the exact spread is invented.",
    },
    "caseload.exileShare": {
      source: "adler-ch3",
      note: "62,462 exiled after their term ended, of 467,946 counter-revolutionary prisoners (early 1954): 13%.",
    },
    "caseload.exileAfterTermShare": {
      source: "invented",
      note: "How many sentences added exile after the camp is not given. 62,462 were exiled after their term ended in early 1954, 13% of 467,946 counter-revolutionary prisoners (adler-ch3); the game takes the same share of those still in the camps. Barkhanov (role card 3): released early, then exile.",
    },
    "caseload.originalsElsewhereShare": {
      source: "adler-ch3",
      note: "Files were “often” copies with originals elsewhere; the share is invented.",
    },
    "caseload.crossChecks": {
      source: "adler-ch3",
      note: "Testimony had to be checked against other cases (Tomsk); the counts are invented.",
    },
    "caseload.complaintShare": { source: "invented", note: "How many prisoners or relatives wrote is not known." },
    "caseload.firstComplaint": { source: "invented", note: "When the first letter was written after the decree." },
    "caseload.maxComplaints": {
      source: "adler-ch3",
      note: "People wrote again and again (Barkhanov, the “six years, not five” man); the counts are invented.",
    },
    "caseload.addressees": {
      source: "adler-ch3",
      note: "Complaints went to the camp, the procuracy, the KGB, the Presidium/Voroshilov; the mix is invented.",
    },
    "caseload.camps": { source: "invented", note: "Number of camps sending lists to one commission." },
    "caseload.newArrestsPerYear": {
      source: "adler-ch3",
      note: "12,765 new Article 59 arrests in the USSR in 1955 (banditry and other especially dangerous crimes against the order of government: not Article 58). Each scenario's share is scaled by its caseload against the national 467,946: the game's estimate. They arrive through 1955 only, the year the source counts.",
    },
    "institutions.complaintTransit": {
      source: "invented",
      note: "Post and camp censorship; no figure in the sources.",
    },
    "institutions.routing": {
      source: "adler-ch3",
      note: "Complaints to camp chiefs mostly stayed with the accused (in one region only 15% went to other departments; Mordovia: 24% “fell into this category”). The shares for each addressee are invented, set to that direction.",
    },
    "institutions.rewrite": { source: "invented", note: "How long before someone wrote again." },
    "institutions.presidiumPardonShare": {
      source: "adler-ch3",
      note: "About 165 requests granted by the RSFSR Presidium in Jan–Jul 1955; the per-letter share is calibrated.",
    },
    "institutions.presidiumDays": {
      source: "adler-ch3",
      note: "Barkhanov waited nine months even with a friend in Moscow.",
    },
    "institutions.listsWithheldShare": {
      source: "adler-ch3",
      note: "Ivanovo, Kostroma, Kuibyshev and Yakutia waited for lists that did not come; the share is invented.",
    },
    "institutions.listDelay": { source: "invented", note: "How late the lists that did come arrived." },
    "institutions.proceedWithoutLists": {
      source: "adler-ch3",
      note: "The May 19 decree told commissions to work from registered complaints.",
    },
    "institutions.proceedWithoutListsAfter": {
      source: "invented",
      note: "How long a commission waited before going ahead without a list.",
    },
    "institutions.complaintsOnlyReviewFactor": {
      source: "adler-ch3",
      note: "Working from complaints without the camp's list was slower; how much slower is invented.",
    },
    "institutions.fileClerks": { source: "adler-ch3", note: "Tomsk: six staff." },
    "institutions.fileAssembly": { source: "invented", note: "A clerk's days per file." },
    "institutions.originalsDelay": {
      source: "adler-ch3",
      note: "Originals sat in Moscow or other provinces; the delay is invented.",
    },
    "institutions.crossCheck": {
      source: "invented",
      note: "Days until another case's file is at hand to check testimony.",
    },
    "institutions.crossCheckWork": {
      source: "adler-ch3",
      note: "Tomsk: each case needed other cases to verify testimony, and six staff did it; a clerk's days per person checked are invented.",
    },
    "institutions.originalsRequestWork": {
      source: "invented",
      note: "A clerk's time to find where the originals are and write for them.",
    },
    "institutions.courtBacklog": { source: "invented", note: "How long a protest waited in court." },
    "institutions.reinvestigation": {
      source: "adler-ch3",
      note: "Re-investigation had “legally established” limits whose length is not given; invented.",
    },
    "institutions.courtRulings": {
      source: "adler-ch3",
      note: "Suspend, return, Serbsky or reject are documented; their shares are invented.",
    },
    "institutions.spravkaIssueShare": {
      source: "adler-ch3",
      note: "Late 1955: courts were “not sending” spravki, “a very long time in coming”: a gap in the system, not a reward for persistence. The first share is the office sending it unasked, each later one the small chance one more complaint helped; the shares are invented.",
    },
    "institutions.spravkaWait": { source: "invented", note: "How long each step of the spravka loop took." },
    "institutions.heldAfterRelease": {
      source: "invented",
      note: "December 1954: prisoners already legally freed were still held, with too few medical examinations for release on medical grounds (adler-ch3). How long is not given: a month (median), three at the 90th percentile, is invented.",
    },
    "desks.procurators": {
      source: "adler-ch3",
      note: "Procuracy staff were “reduced in size three times” in 1954; the number per desk is invented.",
    },
    "desks.hoursPerDay": { source: "invented", note: "Hours a procurator could give review work each day." },
    "desks.reviewHoursPerPerson": { source: "invented", note: "Hours to read one person's file." },
    "policy.decisions": {
      source: "adler-ch3",
      note: "The May 19 menu; the weights are calibrated to each province's tally (e.g. Chita: 37% upheld, 15% rehabilitated).",
    },
    "policy.bias": {
      source: "adler-ch3",
      note: "Procurators were told not to weaken the struggle against “real enemies of the Soviet state”; 1 is the 1954 baseline.",
    },
    "policy.amnestyReading": {
      source: "blog-not-all-free",
      note: "The sources disagree on whether the 1953 amnesty reached politicals with short terms: the decree's rule (blog-not-all-free) covered anyone with five years or less; Adler says politicals were left out. By default a commission may apply it to a short term missed in 1953; a scenario may take Adler's reading.",
    },
    "policy.collaboratorsAmnesty": {
      source: "adler-ch3",
      note: "The amnesty of September 1955 reached those accused of collaboration with the occupiers; the game takes them to be its 58-1 cases.",
    },
    "policy.reclassificationLaw": {
      source: "adler-ch3",
      note: "From the RSFSR Supreme Court Presidium's ruling of 24 Sep 1954 (Aksyonov), 58-7/11 conduct could be reclassified as art. 109, which brought the 1953 amnesty into reach.",
    },
    events: {
      source: "adler-ch3",
      note: "Dated events from the brief's timeline; the Feb 1956 congress is from Seventeen Moments. Where the sources give only a month, the day the game applies an event on is its own choice, and pages show only the month.",
    },
  },
};
