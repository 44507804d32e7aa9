import { describe, expect, test } from 'vitest';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/dictionary.js';
import { describeUpload, readTrackUpload, tracksToStore, TRACK_UPLOAD_ACCEPT } from './track_upload.js';

const tIn = (language: Language) => (key: MessageKey, values?: MessageValues) => translate(language, key, values);

const gga = (t: string, lat: string): string => `$GPGGA,${t},${lat},N,13130.000,E,1,08,0.9,10,M,20,M,,`;

describe('track upload', () => {
  test('the picker takes GPX and NMEA logs', () => {
    expect(TRACK_UPLOAD_ACCEPT).toBe('.gpx,.nmea,.txt,.log,application/gpx+xml');
  });

  test('an NMEA log without RMC is read with the date given and described in one line', async () => {
    const file = new File([[gga('060000', '3712.000'), '$GPGGA,060100,,,,,0,00,,,M,,M,,', gga('060200', '3713.000')].join('\n')], 'kr-ship-1.nmea');
    await expect(readTrackUpload(file)).rejects.toThrow('kr-ship-1.nmea: line 1: GGA gives only the time of day');
    const track = await readTrackUpload(file, '2026-03-10');
    expect(describeUpload(track, tIn('en'))).toBe('kr-ship-1.nmea: 2 positions (NMEA), 2026-03-10 06:00–2026-03-10 06:02 UTC; 1 sentence without a valid fix (status V, quality 0 or mode N) left out, first at line 2');
  });

  test('the line on what was read is in the reader\'s language', async () => {
    const file = new File([[gga('060000', '3712.000'), gga('060200', '3713.000')].join('\n')], 'kr-ship-1.nmea');
    const track = await readTrackUpload(file, '2026-03-10');
    expect(describeUpload(track, tIn('ko'))).toBe('kr-ship-1.nmea: 위치 2개(NMEA), 2026-03-10 06:00–2026-03-10 06:02 UTC');
    expect(describeUpload(track, tIn('ja'))).toBe('kr-ship-1.nmea：位置 2 点（NMEA）、2026-03-10 06:00〜2026-03-10 06:02 UTC');
  });

  test('a bad line is refused naming the file and the line', async () => {
    const file = new File([[gga('060000', '3712.000'), gga('060100', '37xx.5')].join('\n')], 'log.txt');
    await expect(readTrackUpload(file, '2026-03-10')).rejects.toMatchObject({ code: 'SARB_TRACK_FILE', message: "log.txt: line 2: GGA latitude '37xx.5' is not ddmm.mmm" });
  });

  test('a GPX of two segments is stored as two tracks, a long one thinned to at most 5000 points', async () => {
    const pts = (n: number, h: number) => Array.from({ length: n }, (_, k) => `<trkpt lat="37" lon="${131 + k * 1e-5}"><time>${new Date(Date.UTC(2026, 2, 10, h) + k * 1000).toISOString()}</time></trkpt>`).join('');
    const file = new File([`<gpx version="1.1" creator="t"><trk><trkseg>${pts(3, 6)}</trkseg><trkseg>${pts(7200, 8)}</trkseg></trk></gpx>`], 'ship.gpx');
    const stored = tracksToStore(await readTrackUpload(file));
    expect(stored).toHaveLength(2);
    expect(stored[0]).toHaveLength(3);
    expect(stored[1].length).toBeLessThanOrEqual(5000);   // 1 s fixes, kept at >= 7199/4998 s: every 2nd
    expect(stored[1].length).toBe(3601);
    expect(stored[1][stored[1].length - 1].timeS).toBe(Date.UTC(2026, 2, 10, 8) / 1000 + 7199);
  });
});
