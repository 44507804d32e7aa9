import { describe, expect, test } from 'vitest';
import { creepingLine, expandingSquare, parallelSweep } from '../patterns/index.js';
import { fitTrackSpacing } from './track_spacing_fit.js';

const unit = { speedKn: 10, startTimeS: 0, enduranceH: 4 }; // 40 NM of track
const centre = { lonDeg: 131.5, latDeg: 37.5 };

describe('fitTrackSpacing', () => {
  test('PS 10 x 6 NM with 40 NM: 4 tracks at 1.5 NM, 38.5 NM (worked by hand: 5 tracks would need 48.8 NM)', () => {
    const fit = fitTrackSpacing('PS', 10, 6, 40)!;
    expect(fit.count).toBe(4);
    expect(fit.trackSpacingNm).toBeCloseTo(1.5, 12);
    expect(fit.patternNm).toBeCloseTo(38.5, 12);
  });
  test('the fitted parallel sweep fills the area and ends within the endurance', () => {
    const fit = fitTrackSpacing('PS', 10, 6, 40)!;
    const route = parallelSweep({ area: { centre, lengthNm: 10, widthNm: 6, orientationDeg: 30 }, trackSpacingNm: fit.trackSpacingNm, turn: 'right', unit });
    expect(route.cutByEndurance).toBe(false);
    expect(route.totalTrackNm).toBeCloseTo(38.5, 3); // geodesic vs plane: < 1e-4 relative
    expect(route.parameters.trackCount).toBe(4);
  });
  test('CS runs the tracks across: 10 x 6 NM with 40 NM gives 6 tracks of 6 - S', () => {
    const fit = fitTrackSpacing('CS', 10, 6, 40)!;
    // n^2 6 - 40 n - 10 <= 0: n <= 6.9, so 6 tracks at S = 10/6; 36 - 1.667 = 34.33 NM
    expect(fit.count).toBe(6);
    expect(fit.trackSpacingNm).toBeCloseTo(10 / 6, 12);
    const route = creepingLine({ area: { centre, lengthNm: 10, widthNm: 6, orientationDeg: 0 }, trackSpacingNm: fit.trackSpacingNm, turn: 'left', unit });
    expect(route.cutByEndurance).toBe(false);
    expect(route.totalTrackNm).toBeCloseTo(fit.patternNm, 3);
  });
  test('SS over a 6 NM square with 40 NM: k = 5 squares at S = 1.2 NM, 36 NM', () => {
    const fit = fitTrackSpacing('SS', 6, 6, 40)!;
    expect(fit.count).toBe(5);
    expect(fit.trackSpacingNm).toBeCloseTo(1.2, 12);
    expect(fit.patternNm).toBeCloseTo(36, 12); // 1.2 x (1+1+2+2+3+3+4+4+5+5)
    const route = expandingSquare({ csp: centre, trackSpacingNm: 1.2, firstLegBearingDeg: 0, turn: 'right', legCount: 10, unit });
    expect(route.totalTrackNm).toBeCloseTo(36, 3);
    expect(route.cutByEndurance).toBe(false);
  });
  test('null when not one track fits the distance', () => {
    expect(fitTrackSpacing('PS', 50, 2, 40)).toBeNull();
    expect(fitTrackSpacing('SS', 25, 25, 40)).toBeNull();
    expect(fitTrackSpacing('PS', 10, 0, 40)).toBeNull();
  });
});

describe('fitTrackSpacing with a minimum spacing', () => {
  test('PS: fewer tracks, never closer than the minimum, endurance to spare', () => {
    // 10 x 6 NM with 200 NM of track: unlimited, 20 tracks at 0.3 NM; with S >= 0.955 NM, 6 tracks at 1 NM
    expect(fitTrackSpacing('PS', 10, 6, 200)!.count).toBe(20);
    const f = fitTrackSpacing('PS', 10, 6, 200, 0.955)!;
    expect(f).toMatchObject({ count: 6, trackSpacingNm: 1 });
    expect(f.patternNm).toBeCloseTo(59, 9);
  });

  test('SS: no square tighter than the minimum', () => {
    expect(fitTrackSpacing('SS', 4, 4, 200, 1)!.trackSpacingNm).toBe(1);
    expect(fitTrackSpacing('SS', 0.5, 0.5, 200, 1)).toBeNull();
  });
});
