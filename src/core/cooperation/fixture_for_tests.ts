/**
 * A hand-drawn cooperation config for tests (not exported from the module): two parties A and B
 * whose SRRs meet on the meridian 132°E (A west, B east, 33°N to 41°N), one contested islet group
 * at the Liancourt Rocks' position (37.24N 131.87E), and three units with each releasability;
 * and that config with a history of every kind of timeline entry.
 */
import type { CooperationConfig } from './cooperation_config.js';
import type { RecordHistory } from './record_history.js';
import type { TimelinePart, TimelineWordKey } from './timeline.js';

/** One-revision history at 2026-03-10T00:00Z. */
export const TEST_RECORD: RecordHistory = { revisions: [{ timeS: Date.UTC(2026, 2, 10) / 1000, by: 'test', summary: 'created' }] };

/** The hand-drawn config. */
export function testConfig(overrides: Partial<CooperationConfig> = {}): CooperationConfig {
  return {
    title: 'Test cooperation of {party:A} and {party:B}',
    sharedNaming: 'neutral',
    parties: [
      { id: 'A', name: 'Aland', timeZone: 'Asia/Seoul', language: 'ko', services: [{ id: 'a-navy', name: 'A Navy', kind: 'navy' }],
        rccs: [{ id: 'rcc-a', name: 'RCC A', party: 'A', srr: { illustrative: true, polygons: [[[[124, 33], [132, 33], [132, 41], [124, 41]]]] } }] },
      { id: 'B', name: 'Bland', timeZone: 'Asia/Tokyo', language: 'ja', services: [{ id: 'b-cg', name: 'B Coast Guard', kind: 'coast-guard' }],
        rccs: [{ id: 'rcc-b', name: 'RCC B', party: 'B', srr: { illustrative: true, polygons: [[[[132, 33], [140, 33], [140, 41], [132, 41]]]] } }] },
    ],
    units: [
      { id: 'a-ship', name: 'A Ship One', party: 'A', service: 'a-navy', type: 'ship', speedKn: 15, enduranceH: 48, eyeHeightM: 10, homeBase: 'A port', releasability: 'position-only' },
      { id: 'a-helo', name: 'A Helo', party: 'A', service: 'a-navy', type: 'helicopter', speedKn: 90, enduranceH: 3, altitudeFt: 500, homeBase: 'A base', releasability: 'nothing' },
      { id: 'b-ship', name: 'B Cutter', party: 'B', service: 'b-cg', type: 'ship', speedKn: 18, enduranceH: 72, eyeHeightM: 12, homeBase: 'B port', releasability: 'everything' },
    ],
    places: [
      { id: 'rocks', kind: 'islets', names: { A: 'Dokdo', B: 'Takeshima' }, neutralName: 'Liancourt Rocks', position: { lonDeg: 131.87, latDeg: 37.24 }, contested: true,
        claims: [{ party: 'A', claim: 'claims sovereignty', sources: ['src'] }, { party: 'B', claim: 'claims sovereignty', sources: ['src'] }], record: TEST_RECORD },
      { id: 'sea', kind: 'sea', names: { A: 'East Sea', B: 'Sea of Japan' }, neutralName: 'sea between A and B', contested: false, claims: [], record: TEST_RECORD },
    ],
    rules: [
      { id: 'R1', kind: 'coordinating-rcc', text: 'datum SRR coordinates' },
      { id: 'R2', kind: 'srr-entry-notification', text: 'notify SRR owner', notify: 'srr-owner', leadTimeH: 2 },
      { id: 'R3', kind: 'contested-feature-notification', text: 'notify other claimant within 12 NM', radiusNm: 12, notify: 'other-claimants', leadTimeH: 6 },
    ],
    sources: [{ id: 'src', kind: 'news-agency', agency: 'Test Agency', date: '2026-03-10' }],
    agreement: { id: 'ag', parties: ['A', 'B'], title: 'Test agreement', titleProvisional: true, provisions: [], textVersions: [], statusHistory: [], record: TEST_RECORD },
    meetings: [],
    programmes: [],
    incidents: [],
    ...overrides,
  };
}

/** The hand-drawn config with an entry of every kind and each optional piece once present, once absent. */
export function configWithEveryEntry(): CooperationConfig {
  return testConfig({
    sources: [
      { id: 'src', kind: 'news-agency', agency: 'Test Agency', dateline: 'ALAND, May 2', date: '2027-05-02' },
      { id: 'spokesman', kind: 'on-record', person: 'Kim Test', role: 'Navy spokesman' },
      { id: 'official', kind: 'unnamed', role: 'a ministry official', note: 'asked not to be identified' },
      { id: 'someone', kind: 'unnamed' },
      { id: 'wire', kind: 'news-agency' },
      { id: 'minutes', kind: 'document', role: 'Minutes of the talks', note: 'draft' },
      { id: 'caller', kind: 'on-record', person: 'Lee Test' },
    ],
    agreement: { ...testConfig().agreement, statusHistory: [
      { status: 'proposed', date: { kind: 'year', year: 2026 }, actor: 'B', summary: 'Bland proposed it.', sources: ['src', 'spokesman'] },
      { status: 'opposed', date: { kind: 'phrase', text: 'at the time' }, actor: 'A', summary: 'Aland opposed it.', reason: 'tension over {place:rocks@A}', sources: ['official', 'someone'] },
      { status: 'under-consultation', date: { kind: 'phrase', text: 'ongoing', statedOn: '2027-05-02' }, summary: 'Both consult.', sources: ['wire', 'minutes', 'caller', 'nowhere'] },
    ] },
    meetings: [
      { id: 'm1', title: 'Ministers\' meeting', host: 'A', date: { kind: 'not-set' }, expected: { kind: 'phrase', text: 'within the year', statedOn: '2027-05-02' },
        participants: [{ party: 'B', role: 'Defense Minister', name: 'Sato Test' }, { party: 'A', role: 'Defense Minister' }], agenda: ['signing', 'exercises near {place:rocks}'],
        outcomes: [{ text: 'agreement signed', state: 'expected', sources: [] }, { text: 'talks at {place:sea}', state: 'achieved', sources: [] }, { text: 'a date', state: 'not-achieved', sources: [] }],
        sources: ['src'], record: TEST_RECORD },
      { id: 'm2', title: 'Staff talks', host: 'B', date: { kind: 'not-set' }, participants: [], agenda: [], outcomes: [], sources: [], record: TEST_RECORD },
    ],
    programmes: [{ year: 2027, exerciseFrequency: 'twice a year', hostRotation: ['A', 'B'], record: TEST_RECORD, exchanges: [], exercises: [
      { id: 'x1', name: 'SAREX 1', host: 'A', area: 'near {place:rocks}', date: { kind: 'month', iso: '2027-06' }, units: [], state: 'done', result: 'Two found near {place:rocks}.', record: TEST_RECORD },
      { id: 'x2', name: 'SAREX 2', host: 'B', area: 'open sea', date: { kind: 'day', iso: '2027-10-01' }, units: [], state: 'planned', record: TEST_RECORD },
    ] }],
    incidents: [{ id: 'i1', title: 'Close approach to {place:rocks}', date: { kind: 'day', iso: '2026-08-02' }, actors: [], place: 'rocks',
      what: 'A survey ship approached {place:rocks}.', outcome: 'Both withdrew.', sources: ['src'], record: TEST_RECORD }],
  });
}

/** Every key of sarbridge's words a list of parts uses. */
export function keysIn(parts: readonly TimelinePart[]): Set<TimelineWordKey> {
  const keys = new Set<TimelineWordKey>();
  const visit = (part: TimelinePart) => {
    if (part.kind === 'record') return;
    keys.add(part.key);
    for (const value of Object.values(part.values)) (Array.isArray(value) ? value : [value]).forEach(visit);
  };
  parts.forEach(visit);
  return keys;
}
