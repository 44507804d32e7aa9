import { describe, expect, test } from 'vitest';
import type { AttributeValue, Dataset, DatasetVariable } from './dataset.js';
import { chooseAlongAxis, classifyAxis, windLevelRank } from './extra_axes.js';

/** A variable of an in-memory dataset: its values, dimensions and attributes. */
function variable(name: string, dimensions: string[], shape: number[], attributes: Record<string, AttributeValue> = {}, values: number[] = []): DatasetVariable {
  return { name, dimensions, shape, attributes, read: () => Float64Array.from(values) };
}
function dataset(...variables: DatasetVariable[]): Dataset {
  return { format: 'netcdf4', dimensions: new Map(), variables: new Map(variables.map((v) => [v.name, v])), globalAttributes: {}, close() {} };
}
/** u(time, DIM, y, x) with a coordinate variable DIM of these values and attributes. */
function withAxis(dim: string, values: number[], attributes: Record<string, AttributeValue>): { ds: Dataset; u: DatasetVariable } {
  const u = variable('u', ['time', dim, 'y', 'x'], [2, values.length, 3, 3]);
  return { ds: dataset(u, variable(dim, [dim], [values.length], attributes, values)), u };
}

describe('classifyAxis', () => {
  test('by the coordinate variable (CF §4.3) or, without one, the producers\' names', () => {
    const kind = (dim: string, attributes: Record<string, AttributeValue> | null) =>
      classifyAxis(attributes === null ? dataset() : dataset(variable(dim, [dim], [2], attributes, [1, 2])), dim, 2).kind;
    expect(kind('lev', { units: 'hPa' })).toBe('pressure');
    expect(kind('level', { units: 'millibars', long_name: 'pressure_level' })).toBe('pressure');   // ERA5, old CDS
    expect(kind('z', { units: 'm', positive: 'down' })).toBe('depth');
    expect(kind('z', { units: 'km', axis: 'Z' })).toBe('height');
    expect(kind('hybrid', { standard_name: 'atmosphere_hybrid_sigma_pressure_coordinate' })).toBe('model-level');
    expect(kind('members', { standard_name: 'realization' })).toBe('ensemble');
    expect(kind('step', { units: 'hours', standard_name: 'forecast_period' })).toBe('forecast-period');
    expect(kind('expver', null)).toBe('expver');
    expect(kind('s_rho', null)).toBe('sigma');
    expect(kind('band', { units: '1' })).toBe('unknown');
  });
});

describe('chooseAlongAxis', () => {
  test('wind: the height nearest 10 m, in the coordinate\'s units', () => {
    const { ds, u } = withAxis('height', [0.002, 0.01, 0.1], { units: 'km', positive: 'up' });
    expect(chooseAlongAxis('f.nc', ds, u, 1, 'wind')).toMatchObject({ index: 1 });
  });

  test('current: the depth, height or sigma level nearest the surface', () => {
    expect(chooseAlongAxis('f.nc', withAxis('depth', [0.494, 1.54], { units: 'm', positive: 'down' }).ds, withAxis('depth', [0.494, 1.54], {}).u, 1, 'current'))
      .toMatchObject({ index: 0 });
    const sigma = withAxis('s_rho', [-0.9, -0.5, -0.1], { standard_name: 'ocean_s_coordinate_g2' });
    expect(chooseAlongAxis('f.nc', sigma.ds, sigma.u, 1, 'current')).toMatchObject({ index: 2 });
  });

  test('the first ensemble member, said so; ERA5 expver merged', () => {
    const members = withAxis('ensemble_member', [0, 1, 2], { standard_name: 'realization' });
    expect(chooseAlongAxis('f.nc', members.ds, members.u, 1, 'wind')).toEqual({ index: 0, line: expect.stringMatching(/first of 3 ensemble members/) });
    const u = variable('u10', ['time', 'expver', 'latitude', 'longitude'], [2, 2, 3, 3]);
    expect(chooseAlongAxis('f.nc', dataset(u), u, 1, 'wind')).toMatchObject({ merge: true });
  });

  test('refused with what to do: wind on pressure or model levels, a lead time, a dimension nothing explains', () => {
    const p = withAxis('plev', [85000, 50000], { units: 'Pa', standard_name: 'air_pressure' });
    expect(() => chooseAlongAxis('f.nc', p.ds, p.u, 1, 'wind')).toThrow(/f\.nc: variable 'u': is on pressure levels \(plev: 85000, 50000 Pa\).*give the 10 m wind/);
    const one = withAxis('plev', [85000], { units: 'Pa' });
    expect(() => chooseAlongAxis('f.nc', one.ds, one.u, 1, 'wind')).toThrow(/pressure levels/);   // one level: still no 10 m wind
    const ml = withAxis('level', [136, 137], { standard_name: 'model_level_number' });
    expect(() => chooseAlongAxis('f.nc', ml.ds, ml.u, 1, 'wind')).toThrow(/model levels/);
    const step = withAxis('step', [0, 3], { units: 'hours', standard_name: 'forecast_period' });
    expect(() => chooseAlongAxis('f.nc', step.ds, step.u, 1, 'wind')).toThrow(/lead-time dimension 'step'.*cut one forecast run/);
    const band = withAxis('band', [1, 2], { units: '1' });
    expect(() => chooseAlongAxis('f.nc', band.ds, band.u, 1, 'current')).toThrow(/'band' .* neither time.*ncks -d band,0/);
  });
});

describe('windLevelRank', () => {
  test('10 m first, then nothing vertical, other heights, pressure levels last', () => {
    const h = variable('height1', ['height1'], [1], { units: 'm', positive: 'up' }, [10]);
    const p = variable('pressure', ['pressure'], [2], { units: 'hPa' }, [850, 500]);
    const scalar = variable('height', [], [], { units: 'm', standard_name: 'height' }, [100]);
    const ds = dataset(h, p, scalar);
    expect(windLevelRank(ds, variable('x_wind_10m', ['time', 'height1', 'y', 'x'], [1, 1, 2, 2]))).toBe(0);
    expect(windLevelRank(ds, variable('u', ['time', 'y', 'x'], [1, 2, 2]))).toBe(1);
    expect(windLevelRank(ds, variable('ua100', ['time', 'y', 'x'], [1, 2, 2], { coordinates: 'height' }))).toBe(2);
    expect(windLevelRank(ds, variable('x_wind_pl', ['time', 'pressure', 'y', 'x'], [1, 2, 2, 2]))).toBe(3);
  });
});
