import { amnestyScenarioSchema, type AmnestyScenario } from "./scenario";

/** Prisoners held when the decree came out (alexopoulos-1945). */
const HELD_1945 = 1_565_442;

/** A sampled camp for a class: the same shares and the same pace per prisoner, at a scale a class can watch. */
export const AMNESTY_CLASS_SAMPLE = 3000;

/**
 * The July 7, 1945 amnesty, nationally (../shared/domain/brief.md §6).
 * Day 0 is the decree; the horizon is the new year. Figures of the source are
 * in `compare`; every parameter is in `provenance`, sourced or labelled.
 */
export const AMNESTY_1945: AmnestyScenario = amnestyScenarioSchema.parse({
  kind: "amnesty1945",
  id: "amnesty-1945",
  title: "The 1945 amnesty: release by category, July – December 1945",
  summary:
    "After victory, a decree frees everyone with three years or less and whole categories besides. Overburdened records departments check 654,000 files in a set order; 620,753 people go out, while 194,074 new prisoners come in by October, most of them for leaving work.",
  startDate: "1945-07-07",
  horizonDays: 178,
  population: {
    held: HELD_1945,
    // 654,000 of 1,565,442 qualified; 212,890 terms were halved (recidivists are found among both).
    categories: { freed: 0.41777, halved: 0.14414, notCovered: 0.43809 },
    freedOffences: {
      ordinary: 50,
      december1941Law: 20,
      military: 12,
      postponedSoldier: 5,
      gravePrivate: 8,
      counterRevolution: 5,
    },
    notCoveredOffences: { gravePrivate: 60, counterRevolution: 40 },
    recidivistShare: 0.0565,
    freedInColoniesShare: 0.6672,
    othersInColoniesShare: 0.45,
    priorityGroups: {
      minor: 3,
      mother: 4,
      elderly: 4,
      invalid: 6,
      localResident: 15,
      shirker: 25,
      others: 43,
    },
  },
  stages: {
    recordsStartDay: 5,
    fileChecksPer100k: 660,
    rampDays: 48,
    rampStartShare: 0.15,
    hurriedCheckShare: 0.1,
    signatureDays: { kind: "uniform", min: 1, max: 3 },
    passportsPer100k: 900,
    railcarPlacesPer100k: 500,
    keptOnShare: 0.03,
    errorFoundDays: { kind: "lognormal", median: 30, p90: 90 },
    arrivalsPer100kPerDay: 144.2,
    arrivalsShirkingShare: 0.78,
  },
  tallies: [
    { day: 5, label: "July 12: the order on who goes first" },
    { day: 49, label: "August 25 tally", freed: 218_540 },
    { day: 65, label: "September 10: the bulk was to be freed by now" },
    { day: 90, label: "October 5 tally", freed: 611_804 },
  ],
  compare: [
    {
      metric: "qualifying",
      value: 654_000,
      tolerance: 6_540,
      label: "654,000 qualified for release",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The share the decree freed is set to it; ±1% covers seed-to-seed spread.",
    },
    {
      metric: "freedByDay",
      onDay: 49,
      value: 218_540,
      tolerance: 10_900,
      label: "218,540 freed by August 25",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The records departments' pace and its growth over the first weeks are fitted to the two tallies; ±5%.",
    },
    {
      metric: "freedShareByDay",
      onDay: 49,
      value: 0.334,
      tolerance: 0.017,
      label: "33.4% of those qualifying freed by August 25",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The same tally as a share: fitted with it; ±5% of the figure.",
    },
    {
      metric: "freedByDay",
      onDay: 90,
      value: 611_804,
      tolerance: 18_350,
      label: "611,804 freed by October 5",
      source: "alexopoulos-1945",
      fitted: true,
      why: "Fitted with the August tally (two figures, two parameters of pace); ±3%.",
    },
    {
      metric: "freedTotal",
      value: 620_753,
      tolerance: 12_400,
      label: "620,753 freed in all",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The share of recidivists found on the file check is set to the gap between 654,000 and 620,753; ±2%.",
    },
    {
      metric: "freedFromCamps",
      value: 206_554,
      tolerance: 8_260,
      label: "206,554 of them from camps",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The share of those freed who were held in colonies is set to the split; ±4%.",
    },
    {
      metric: "freedFromColonies",
      value: 414_199,
      tolerance: 16_570,
      label: "414,199 of them from colonies",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The same split; ±4%.",
    },
    {
      metric: "termsHalved",
      value: 212_890,
      tolerance: 4_260,
      label: "212,890 terms halved",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The share the decree halved is set to it; held out is only that the records departments reach them all by the new year; ±2%.",
    },
    {
      metric: "newPrisonersByDay",
      onDay: 86,
      value: 194_074,
      tolerance: 5_820,
      label: "194,074 new prisoners by October 1",
      source: "alexopoulos-1945",
      fitted: true,
      why: "The arrival rate is this figure over the 86 days; ±3%.",
    },
    {
      metric: "freedShareByDay",
      onDay: 49,
      value: 0.334,
      tolerance: 0.04,
      cases: AMNESTY_CLASS_SAMPLE,
      label: "A sampled camp of 3,000: 33.4% of those qualifying freed by August 25",
      source: "alexopoulos-1945",
      fitted: false,
      why: "Nothing is tuned at this scale: the national pace per prisoner must hold in one camp a class plays; ±4 points.",
    },
    {
      metric: "freedShareOfQualifying",
      value: 620_753 / 654_000,
      tolerance: 0.02,
      cases: AMNESTY_CLASS_SAMPLE,
      label: "A sampled camp of 3,000: 620,753 of 654,000 qualifying freed (94.9%)",
      source: "alexopoulos-1945",
      fitted: false,
      why: "Nothing is tuned at this scale; ±2 points.",
    },
  ],
  provenance: {
    "population.held": { source: "alexopoulos-1945", note: "1,565,442 held when the decree came out." },
    "population.categories.freed": {
      source: "alexopoulos-1945",
      note: "654,000 of 1,565,442 qualified (41.8%).",
    },
    "population.categories.halved": {
      source: "alexopoulos-1945",
      note: "212,890 terms halved, plus the recidivists found among those the decree would have halved.",
    },
    "population.freedOffences": {
      source: "invented",
      note: "The decree's categories are the source's; their sizes are not given, so these weights are the game's.",
    },
    "population.notCoveredOffences": {
      source: "invented",
      note: "The excluded offences are the source's; how many of each is the game's.",
    },
    "population.recidivistShare": {
      source: "alexopoulos-1945",
      note: "Fitted: set so that the recidivists found on the file checks make up the gap between 654,000 qualifying and 620,753 freed.",
    },
    "population.freedInColoniesShare": {
      source: "alexopoulos-1945",
      note: "Fitted to the split of those freed: 414,199 from colonies, 206,554 from camps.",
    },
    "population.othersInColoniesShare": {
      source: "invented",
      note: "The source gives no split of those who stayed.",
    },
    "population.priorityGroups": {
      source: "invented",
      note: "The July 12 order of the groups is the source's; their sizes are the game's.",
    },
    "stages.recordsStartDay": {
      source: "alexopoulos-1945",
      note: "The July 12 order on who goes first, five days after the decree.",
    },
    "stages.fileChecksPer100k": {
      source: "alexopoulos-1945",
      note: "Fitted to the tallies of August 25 and October 5. That the records departments were the bottleneck is the source's (“extremely overburdened”); a pace is not.",
    },
    "stages.rampDays": {
      source: "invented",
      note: "The records departments' pace grows over the first weeks (more hands, the Sept 10 target): the game's reading, fitted to the two tallies.",
    },
    "stages.rampStartShare": { source: "invented", note: "Their pace on July 12 as a share of full strength." },
    "stages.hurriedCheckShare": {
      source: "invented",
      note: "People were released in error (the source); how many checks missed an earlier conviction is not given.",
    },
    "stages.signatureDays": {
      source: "invented",
      note: "Every determination was signed by the prisoner; the delay is the game's.",
    },
    "stages.passportsPer100k": {
      source: "invented",
      note: "Passport rosters with two photographs were required; their pace is the game's, set so they rarely hold anyone up.",
    },
    "stages.railcarPlacesPer100k": {
      source: "invented",
      note: "“Too few railcars” is the source's; how few is the game's.",
    },
    "stages.keptOnShare": {
      source: "invented",
      note: "Amnestied people were kept on as “voluntary” labour (the source); how many is not given.",
    },
    "stages.errorFoundDays": { source: "invented", note: "When a missed conviction came to light is not given." },
    "stages.arrivalsPer100kPerDay": {
      source: "alexopoulos-1945",
      note: "194,074 new prisoners between July 7 and October 1 (86 days); the source's figure of about 75,000 a month is a little higher.",
    },
    "stages.clerkHoursPerDay": {
      source: "invented",
      note: "A student clerk's working day; the source says only that the records departments were overburdened.",
    },
    "stages.thoroughCheckHours": {
      source: "invented",
      note: "Every file was checked for earlier convictions (the source); that a thorough check meant asking the card index and took two working days is the game's.",
    },
    "stages.hurriedCheckHours": {
      source: "invented",
      note: "People were released in error (the source); a quicker, hurried check that can miss a conviction is the game's reading.",
    },
    "stages.arrivalsShirkingShare": {
      source: "alexopoulos-1945",
      note: "78% of the new prisoners were sentenced for shirking.",
    },
  },
});

/** The 1945 amnesty scenarios (ids share the CLI's and the lab's namespace with the 1954–55 ones). */
export const AMNESTY_SCENARIOS: readonly AmnestyScenario[] = [AMNESTY_1945];
