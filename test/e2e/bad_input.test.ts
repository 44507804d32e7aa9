// Bad input is told in words: a text file given as local NetCDF forcing, and report positions on
// land (central Ulleungdo; Seoul), while a position at sea raises no warning.
import { describe, expect, test } from 'vitest';
import { e2eSuite, KR_USER, openCase, screenshot, signIn, TID, typePosition } from './harness.js';

const suite = e2eSuite();

describe('bad input (end to end, Chromium)', () => {
  test('a text file given as local NetCDF forcing is refused in words, and nothing crashes', async () => {
    const { page } = await suite.open('bad forcing file');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabPlan).click();
    await page.getByTestId(TID.forcingLocalFile).setInputFiles({ name: 'east-sea-wind.nc', mimeType: 'application/x-netcdf', buffer: Buffer.from('this is a text file, not NetCDF\n'.repeat(20)) });
    const error = page.getByTestId(TID.forcingError);
    await error.waitFor();
    const words = (await error.textContent())!.trim();
    // the file's name and a sentence, not a stack trace or a bare code
    expect(words).toContain('east-sea-wind.nc');
    expect(words.split(/\s+/).length).toBeGreaterThan(4);
    expect(words).not.toMatch(/at \w+ \(|undefined|\[object/);
    await screenshot(page, 'bad-netcdf');
  }, 300_000);

  test('a report position on land is warned about (central Ulleungdo; Seoul, outside the GSHHG subset); one at sea is not', async () => {
    const { page } = await suite.open('position on land');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabReport).click();
    const onLand = page.getByTestId(TID.positionOnLand);

    await typePosition(page, [37, 30, 'N'], [130, 52, 'E']);   // central Ulleungdo
    await onLand.waitFor();
    expect((await onLand.textContent())!.trim().split(/\s+/).length).toBeGreaterThan(3);
    await screenshot(page, 'position-on-land-ulleungdo');

    await typePosition(page, [37, 14, 'N'], [131, 15, 'E']);   // the demo's sea area, west of the rocks
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.toMatch(/37\D+14\D.*N.*131\D+15\D.*E/);
    await onLand.waitFor({ state: 'hidden' });

    await typePosition(page, [37, 34, 'N'], [126, 59, 'E']);   // Seoul, west of the bundled GSHHG subset (127-135E)
    await onLand.waitFor();
    await screenshot(page, 'position-on-land-seoul');

    // swapped by mistake (longitude typed as latitude) is refused or flagged, never read silently
    await typePosition(page, [131, 15, 'N'], [37, 14, 'E']);
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.not.toMatch(/^Reads as 131/);
  }, 300_000);

});
