import { describe, expect, test } from 'vitest';
import { fieldsFromDegrees, formatDegreesMinutes, positionProblemText, readPositionErrorNm, readPositionFields, type PositionFields } from './position_fields.js';

const fields = (lat: [string, string, string, 'N' | 'S'], lon: [string, string, string, 'E' | 'W']): PositionFields => ({
  lat: { deg: lat[0], min: lat[1], sec: lat[2], hem: lat[3] },
  lon: { deg: lon[0], min: lon[1], sec: lon[2], hem: lon[3] },
});

describe('readPositionFields', () => {
  test('degrees, degrees-minutes and degrees-minutes-seconds give one position', () => {
    // 37 14.4' = 37 14' 24" = 37.24°; 131 52.2' = 131 52' 12" = 131.87°
    for (const f of [
      fields(['37.24', '', '', 'N'], ['131.87', '', '', 'E']),
      fields(['37', '14.4', '', 'N'], ['131', '52.2', '', 'E']),
      fields(['37', '14', '24', 'N'], ['131', '52', '12', 'E']),
    ]) {
      const r = readPositionFields(f);
      expect(r.kind).toBe('position');
      if (r.kind !== 'position') continue;
      expect(r.latDeg).toBeCloseTo(37.24, 9);
      expect(r.lonDeg).toBeCloseTo(131.87, 9);
    }
  });
  test('a decimal in degrees overrides minutes and seconds; in minutes, seconds', () => {
    const r = readPositionFields(fields(['37.5', '30', '30', 'N'], ['131', '30.5', '59', 'E']));
    expect(r).toMatchObject({ kind: 'position' });
    if (r.kind === 'position') { expect(r.latDeg).toBe(37.5); expect(r.lonDeg).toBeCloseTo(131 + 30.5 / 60, 12); }
  });
  test('south and west are negative', () => {
    const r = readPositionFields(fields(['10', '', '', 'S'], ['20', '', '', 'W']));
    expect(r).toEqual({ kind: 'position', latDeg: -10, lonDeg: -20 });
  });
  test('problems name the field', () => {
    expect(readPositionFields(fields(['91', '', '', 'N'], ['1', '', '', 'E']))).toMatchObject({ kind: 'problem', field: 'lat-deg' });
    expect(readPositionFields(fields(['37', '61', '', 'N'], ['1', '', '', 'E']))).toMatchObject({ kind: 'problem', field: 'lat-min' });
    expect(readPositionFields(fields(['37', '', '', 'N'], ['180', '0', '30', 'E']))).toMatchObject({ kind: 'problem', field: 'lon-deg' });
    expect(readPositionFields(fields(['37', 'x', '', 'N'], ['1', '', '', 'E']))).toMatchObject({ kind: 'problem', field: 'lat-min' });
    expect(readPositionFields(fields(['', '', '', 'N'], ['1', '', '', 'E']))).toEqual({ kind: 'incomplete' });
  });
});

describe('positionProblemText', () => {
  const problem = (f: PositionFields) => {
    const r = readPositionFields(f);
    if (r.kind !== 'problem') throw new Error(`expected a problem, read ${JSON.stringify(r)}`);
    return r;
  };
  test('says the problem in the reader\'s language, naming the field as the form labels it (no field code)', () => {
    const beyond = problem(fields(['91', '', '', 'N'], ['1', '', '', 'E']));
    expect(positionProblemText(beyond, 'en')).toBe('Latitude (degrees): 91° is beyond 90°.');
    expect(positionProblemText(beyond, 'ko')).toBe('위도(도): 91°는 90°를 넘습니다.');
    expect(positionProblemText(beyond, 'ja')).toBe('緯度（度）：91° は 90° を超えています。');
    const minutes = problem(fields(['37', '60', '', 'N'], ['131', '', '', 'E']));
    expect(positionProblemText(minutes, 'ja')).toBe('緯度（分）：60 分。分は 60 未満にしてください。');
    for (const language of ['en', 'ko', 'ja'] as const) expect(positionProblemText(minutes, language)).not.toMatch(/lat-min|undefined|NaN|\{/);
  });
  test('a minus sign is answered with the hemisphere, not "not a number"', () => {
    const minus = problem(fields(['-37', '', '', 'N'], ['131', '', '', 'E']));
    expect(minus.problem.code).toBe('minusSign');
    expect(positionProblemText(minus, 'en')).toBe('Latitude (degrees): “-37”: write it without a minus sign and choose the hemisphere (N/S, E/W).');
  });
  test('a huge number is said short', () => {
    const huge = problem(fields(['99999999999999999999', '', '', 'N'], ['131', '', '', 'E']));
    expect(positionProblemText(huge, 'en')).toBe('Latitude (degrees): 1.00e+20° is beyond 90°.');
    const junk = problem(fields(['37', '', '', 'N'], ['x'.repeat(300), '', '', 'E']));
    expect(positionProblemText(junk, 'en').length).toBeLessThan(120);
  });
});

describe('readPositionErrorNm', () => {
  test('a number of NM from 0 to 500 (the plan file\'s limit), a comma as decimal mark; anything else is null, never a default', () => {
    expect(readPositionErrorNm('1')).toBe(1);
    expect(readPositionErrorNm(' 0 ')).toBe(0);
    expect(readPositionErrorNm('2,5')).toBe(2.5);
    expect(readPositionErrorNm('500')).toBe(500);
    for (const bad of ['', '-5', 'abc', '1e9', '500.1', '100000', 'NaN', 'Infinity']) expect(readPositionErrorNm(bad), bad).toBeNull();
  });
});

describe('formatDegreesMinutes', () => {
  test('latitude first, minutes to a hundredth, rounding carries into the degrees', () => {
    expect(formatDegreesMinutes(37.24, 131.87)).toBe('37 14.40N 131 52.20E');
    expect(formatDegreesMinutes(-0.5, -179.99999999)).toBe('00 30.00S 180 00.00W');
  });
});

describe('fieldsFromDegrees', () => {
  test('reads back as the position it was made from, to a thousandth of a minute, in every hemisphere', () => {
    for (const [lat, lon] of [[37.24, 131.87], [-33.8568, -151.2153], [0.00001, 179.99999], [12.5, -0.5]]) {
      const f = fieldsFromDegrees(lat, lon);
      const r = readPositionFields(f);
      expect(r.kind).toBe('position');
      if (r.kind !== 'position') continue;
      // half a thousandth of a minute is 0.5e-3 / 60 degrees
      expect(Math.abs(r.latDeg - lat)).toBeLessThanOrEqual(0.5e-3 / 60 + 1e-12);
      expect(Math.abs(r.lonDeg - lon)).toBeLessThanOrEqual(0.5e-3 / 60 + 1e-12);
    }
    expect(fieldsFromDegrees(37.24, 131.87)).toEqual({ lat: { deg: '37', min: '14.400', sec: '', hem: 'N' }, lon: { deg: '131', min: '52.200', sec: '', hem: 'E' } });
    // 59.9999' rounds up to the next degree rather than to 60.000'
    expect(fieldsFromDegrees(37 + 59.99999 / 60, 131).lat).toEqual({ deg: '38', min: '0.000', sec: '', hem: 'N' });
  });
});
