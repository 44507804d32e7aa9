import { describe, expect, test } from 'vitest';
import { projectPath } from '../project_files.js';
import { openForcingFile } from './open_forcing_file.js';
import { warmForcingReaderFor } from './warm_reader.js';

describe('warmForcingReaderFor', () => {
  test('passes over paths it cannot read, and a NetCDF4 file opened after it reads as always', async () => {
    const wind = projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc');
    expect(() => warmForcingReaderFor(['/nonexistent/file.nc', projectPath('package.json'), wind])).not.toThrow();
    const file = await openForcingFile(wind);
    expect(file.fields.wind?.label).toMatch(/eastward_wind/);
    await expect(openForcingFile('/nonexistent/file.nc')).rejects.toThrow(/nonexistent/);
  });
});
