/**
 * A hand-drawn cooperation config for tests (not exported from the module): two parties A and B
 * whose SRRs meet on the meridian 132°E (A west, B east, 33°N to 41°N), one contested islet group
 * at the Liancourt Rocks' position (37.24N 131.87E), and three units with each releasability.
 */
import type { CooperationConfig } from './cooperation_config.js';
import type { RecordHistory } from './record_history.js';

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
