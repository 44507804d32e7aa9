#!/usr/bin/python3
"""Small forcing files in the layouts operational centres publish, with KNOWN fields (SYNTHETIC).

Each file imitates one producer's layout as that producer documents it (names, dimension order,
types, packing, fill values, time units and calendars, grids), and holds a field whose value is
known everywhere, so a reader's answer can be checked exactly:

  uniform (--uniform):  east 6 m/s, north -8 m/s for wind; east 0.3, north -0.4 m/s for current
  linear (default):     east = E0 + 0.2 (lon - LON_C) + 0.1 (lat - LAT_C) + 0.05 h
                        north = N0 - 0.1 (lon - LON_C) + 0.3 (lat - LAT_C) - 0.02 h
                        (lon the signed longitude -180..180, h hours after T0; wind E0, N0 = 6, -8,
                        current a tenth of that), which bilinear and linear-in-time interpolation
                        reproduce exactly (to the packing's precision), including across 0 deg.
  T0 = 2024-01-01T00:00Z, 4 steps 3 h apart (unless a file says otherwise).

Levels other than the one a drift model must take (10 m wind, surface current) hold the field times
3 plus 1 m/s, so a reader that takes the wrong level is caught. Grid-relative components (Lambert,
polar stereographic, WRF) are the east/north field turned into the grid's axes with the
projection's own convergence angle (spherical formulas, the files' earth_radius).

Producers and their documentation (layouts, not data, are copied):
  ERA5 from the Copernicus CDS (old CDS NetCDF3: hours since 1900, int32, packed int16 with
  scale_factor/add_offset, _FillValue = missing_value = -32767, latitude 90..-90, longitude
  0..359.75, and the ERA5/ERA5T `expver` dimension; new CDS 2024 NetCDF4: valid_time int64
  seconds since 1970), Copernicus Marine global physics (uo/vo, depth first level 0.494 m, hours
  since 1950 or seconds since 1970, packed int16 or float32), HYCOM GOFS 3.1 via NCSS (water_u/
  water_v, int16 scale 0.001 missing -30000, hours since 2000-01-01, longitude 0..360), NCEP GFS
  through wgrib2 -netcdf (UGRD_10maboveground, "seconds since 1970-01-01 00:00:00.0 0:00") and
  through NOMADS OPeNDAP (ugrd10m, "days since 1-1-1 00:00:0.0"), met.no MEPS/AROME (Lambert,
  x_wind_10m with height1, ensemble_member, x_wind_pl on pressure levels), NorKyst-800 (polar
  stereographic, u_eastward/v_northward and grid-relative u/v), Copernicus Marine Arctic TOPAZ (polar stereographic
  over the pole, x/y in "100 km"), NOAA HRRR through cfgrib and wgrib2, Met Office UKV (Lambert azimuthal
  equal-area), FVCOM (unstructured, refused), WRF wrfout (U10/V10 grid-relative,
  XLAT/XLONG(Time, south_north, west_east), XTIME minutes since start, COSALPHA/SINALPHA), ECMWF
  GRIB through cfgrib/xarray (step dimension, valid_time(step)), and time/level variants.

Usage:  /usr/bin/python3 scripts/make_forcing_convention_samples.py OUT_DIR [--uniform] [--only=NAME,...]
        /usr/bin/python3 scripts/make_forcing_convention_samples.py --fixtures   (the small test fixtures,
        into src/io/netcdf/test/conventions/, read by src/io/netcdf/producer_layouts.test.ts)
Needs numpy and netCDF4 (Debian python3-netcdf4).
"""
import math
import os
import sys
from datetime import datetime, timedelta, timezone

import numpy as np
import netCDF4

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
NT = 4
STEP_H = 3
UNIFORM = '--uniform' in sys.argv
R_EARTH = 6371000.0
SYNTHETIC = 'SYNTHETIC sample of a producer layout (known analytic field, no model run); scripts/make_forcing_convention_samples.py'


def signed_lon(lon):
    return (np.asarray(lon, dtype=float) + 180.0) % 360.0 - 180.0


def field(quantity, lon, lat, hours, lon_c, lat_c):
    """East and north (m/s) of the known field at signed lon, lat (arrays) and hours after T0."""
    scale = 1.0 if quantity == 'wind' else 0.1
    lon = signed_lon(lon)
    e0, n0 = 6.0 * scale, -8.0 * scale
    if UNIFORM:
        return np.full(np.shape(lon), e0), np.full(np.shape(lon), n0)
    dl, db = lon - lon_c, np.asarray(lat, dtype=float) - lat_c
    return (e0 + scale * (0.2 * dl + 0.1 * db + 0.05 * hours),
            n0 + scale * (-0.1 * dl + 0.3 * db - 0.02 * hours))


def wrong_level(v):
    return 3.0 * v + 1.0


def hours_list():
    return [STEP_H * k for k in range(NT)]


def pack_era5(values):
    """ERA5's packing (old CDS, cdsapi netcdf): 16-bit, scale from the range, offset its middle."""
    vmin, vmax = float(np.nanmin(values)), float(np.nanmax(values))
    if vmax - vmin < 1:   # a uniform field: a range around it, so no value packs to the fill value
        vmin, vmax = vmin - 1, vmax + 1
    scale = (vmax - vmin) / (2 ** 16 - 2)
    offset = vmin + scale * (2 ** 15 - 1)
    packed = np.round((values - offset) / scale)
    return packed, scale, offset


def grid_values(quantity, lon1d, lat1d, lon_c, lat_c):
    """(NT, ny, nx) east and north on a regular grid."""
    lon2, lat2 = np.meshgrid(lon1d, lat1d)
    east = np.stack([field(quantity, lon2, lat2, h, lon_c, lat_c)[0] for h in hours_list()])
    north = np.stack([field(quantity, lon2, lat2, h, lon_c, lat_c)[1] for h in hours_list()])
    return east, north


def new(path, fmt):
    ds = netCDF4.Dataset(path, 'w', format=fmt)
    ds.setncattr('comment', SYNTHETIC)
    return ds


def var(ds, name, dtype, dims, attrs=None, fill=None, **kw):
    v = ds.createVariable(name, dtype, dims, fill_value=fill, **kw)
    v.set_auto_maskandscale(False)
    for k, a in (attrs or {}).items():
        v.setncattr(k, a)
    return v


def hours_since(ref, hours):
    return [(T0 + timedelta(hours=h) - ref).total_seconds() / 3600.0 for h in hours]


# ---------------------------------------------------------------- ERA5 (Copernicus CDS)

def era5_old(path, lon1d, expver=False, lon_c=0.0, lat_c=56.0, lat_step=0.25):
    """Old CDS NetCDF3 (until 2024): packed int16, hours since 1900, latitude descending."""
    lat1d = np.arange(62.0, 49.99, -lat_step)
    ds = new(path, 'NETCDF3_64BIT_OFFSET')
    ds.Conventions = 'CF-1.6'
    ds.history = '2023-05-01 10:00:00 GMT by grib_to_netcdf-2.25.1: /opt/ecmwf/mars-client/bin/grib_to_netcdf.bin -S param -o out.nc in.grib'
    ds.createDimension('longitude', len(lon1d))
    ds.createDimension('latitude', len(lat1d))
    if expver:
        ds.createDimension('expver', 2)
    ds.createDimension('time', None)
    var(ds, 'longitude', 'f4', ('longitude',), {'units': 'degrees_east', 'long_name': 'longitude'})[:] = lon1d
    var(ds, 'latitude', 'f4', ('latitude',), {'units': 'degrees_north', 'long_name': 'latitude'})[:] = lat1d
    if expver:
        var(ds, 'expver', 'i4', ('expver',), {'long_name': 'expver'})[:] = [1, 5]
    var(ds, 'time', 'i4', ('time',), {'units': 'hours since 1900-01-01 00:00:00.0', 'long_name': 'time', 'calendar': 'gregorian'})[:] = \
        np.array(hours_since(datetime(1900, 1, 1, tzinfo=timezone.utc), hours_list()), dtype='i4')
    east, north = grid_values('wind', lon1d, lat1d, lon_c, lat_c)
    for name, values, long in (('u10', east, '10 metre U wind component'), ('v10', north, '10 metre V wind component')):
        packed, scale, offset = pack_era5(values)
        packed[0, 3, 5] = -32767   # one missing node at the first time
        dims = ('time', 'expver', 'latitude', 'longitude') if expver else ('time', 'latitude', 'longitude')
        v = var(ds, name, 'i2', dims, {'scale_factor': scale, 'add_offset': offset, 'missing_value': np.int16(-32767),
                                       'units': 'm s**-1', 'long_name': long}, fill=np.int16(-32767))
        if expver:
            # ERA5 (expver 1) for the first two times, ERA5T (expver 5) after; the other is missing
            both = np.full((NT, 2) + packed.shape[1:], -32767, dtype='i2')
            both[:2, 0] = packed[:2]
            both[2:, 1] = packed[2:]
            v[:] = both
        else:
            v[:] = packed.astype('i2')
    ds.close()


def era5_new(path, lon1d, lon_c=0.0, lat_c=56.0):
    """New CDS (2024-) NetCDF4: valid_time int64 seconds since 1970, float32 u10/v10, deflated."""
    lat1d = np.arange(62.0, 49.99, -0.25)
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.7'
    ds.institution = 'European Centre for Medium-Range Weather Forecasts'
    ds.GRIB_centre = 'ecmf'
    ds.createDimension('valid_time', NT)
    ds.createDimension('latitude', len(lat1d))
    ds.createDimension('longitude', len(lon1d))
    var(ds, 'number', 'i8', (), {'long_name': 'ensemble member numerical id', 'units': '1', 'standard_name': 'realization'})[...] = 0
    var(ds, 'valid_time', 'i8', ('valid_time',), {'long_name': 'time', 'standard_name': 'time',
        'units': 'seconds since 1970-01-01', 'calendar': 'proleptic_gregorian'})[:] = \
        np.array([int((T0 + timedelta(hours=h)).timestamp()) for h in hours_list()], dtype='i8')
    var(ds, 'latitude', 'f8', ('latitude',), {'units': 'degrees_north', 'standard_name': 'latitude', 'long_name': 'latitude', 'stored_direction': 'decreasing'})[:] = lat1d
    var(ds, 'longitude', 'f8', ('longitude',), {'units': 'degrees_east', 'standard_name': 'longitude', 'long_name': 'longitude'})[:] = lon1d
    ev = ds.createVariable('expver', str, ('valid_time',))
    for k in range(NT):
        ev[k] = '0001'
    east, north = grid_values('wind', lon1d, lat1d, lon_c, lat_c)
    for name, values, long in (('u10', east, '10 metre U wind component'), ('v10', north, '10 metre V wind component')):
        v = var(ds, name, 'f4', ('valid_time', 'latitude', 'longitude'), {'long_name': long, 'units': 'm s**-1',
            'GRIB_paramId': 165 if name == 'u10' else 166, 'GRIB_shortName': name, 'coordinates': 'number valid_time latitude longitude expver'},
            fill=np.float32(np.nan), zlib=True, complevel=1)
        values = values.astype('f4')
        values[0, 3, 5] = np.nan
        v[:] = values
    ds.close()


# ---------------------------------------------------------------- Copernicus Marine

def cmems(path, packed, seconds_1970):
    lon1d = np.arange(-3.0, 5.01, 1 / 12)   # -180..180 product, a window across 0
    lat1d = np.arange(54.0, 58.01, 1 / 12)
    depth = np.array([0.494025, 1.541375, 2.645669], dtype='f4')
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.0'
    ds.createDimension('time', NT)
    ds.createDimension('depth', len(depth))
    ds.createDimension('latitude', len(lat1d))
    ds.createDimension('longitude', len(lon1d))
    if seconds_1970:
        var(ds, 'time', 'f8', ('time',), {'units': 'seconds since 1970-01-01 00:00:00', 'standard_name': 'time', 'calendar': 'gregorian', 'axis': 'T'})[:] = \
            [(T0 + timedelta(hours=h)).timestamp() for h in hours_list()]
    else:
        var(ds, 'time', 'f8', ('time',), {'units': 'hours since 1950-01-01', 'standard_name': 'time', 'calendar': 'gregorian', 'axis': 'T'})[:] = \
            hours_since(datetime(1950, 1, 1, tzinfo=timezone.utc), hours_list())
    var(ds, 'depth', 'f4', ('depth',), {'units': 'm', 'standard_name': 'depth', 'positive': 'down', 'axis': 'Z'})[:] = depth
    var(ds, 'latitude', 'f4', ('latitude',), {'units': 'degrees_north', 'standard_name': 'latitude', 'axis': 'Y'})[:] = lat1d
    var(ds, 'longitude', 'f4', ('longitude',), {'units': 'degrees_east', 'standard_name': 'longitude', 'axis': 'X'})[:] = lon1d
    east, north = grid_values('current', lon1d, lat1d, 1.0, 56.0)
    for name, values, sn in (('uo', east, 'eastward_sea_water_velocity'), ('vo', north, 'northward_sea_water_velocity')):
        levels = np.stack([values] + [wrong_level(values)] * (len(depth) - 1), axis=1)
        attrs = {'units': 'm s-1', 'standard_name': sn, 'long_name': sn.replace('_', ' ')}
        if packed:
            scale = 0.000610370188951492
            attrs.update({'scale_factor': scale, 'add_offset': 0.0})
            raw = np.round(levels / scale).astype('i2')
            raw[:, :, -3:, -3:] = -32767   # land in the north-east corner
            v = var(ds, name, 'i2', ('time', 'depth', 'latitude', 'longitude'), attrs, fill=np.int16(-32767), zlib=True)
            v[:] = raw
        else:
            raw = levels.astype('f4')
            raw[:, :, -3:, -3:] = np.nan
            v = var(ds, name, 'f4', ('time', 'depth', 'latitude', 'longitude'), attrs, fill=np.float32(np.nan), zlib=True)
            v[:] = raw
    ds.close()


# ---------------------------------------------------------------- HYCOM GOFS 3.1 (NCSS)

def hycom(path):
    lon1d = np.arange(356.0, 366.001, 0.08)   # NCSS across 0: longitudes continue past 360
    lat1d = np.arange(54.0, 58.001, 0.04)
    depth = np.array([0.0, 2.0, 4.0], dtype='f8')
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.Conventions = 'CF-1.4, NAVO_netcdf_v1.1'
    ds.institution = 'Fleet Numerical Meteorology and Oceanography Center'
    ds.source = 'HYCOM archive file'
    ds.createDimension('time', NT)
    ds.createDimension('depth', len(depth))
    ds.createDimension('lat', len(lat1d))
    ds.createDimension('lon', len(lon1d))
    var(ds, 'time', 'f8', ('time',), {'long_name': 'Valid Time', 'units': 'hours since 2000-01-01 00:00:00', 'time_origin': '2000-01-01 00:00:00',
        'calendar': 'gregorian', 'axis': 'T'})[:] = hours_since(datetime(2000, 1, 1, tzinfo=timezone.utc), hours_list())
    var(ds, 'depth', 'f8', ('depth',), {'long_name': 'Depth', 'standard_name': 'depth', 'units': 'm', 'positive': 'down', 'axis': 'Z'})[:] = depth
    var(ds, 'lat', 'f8', ('lat',), {'long_name': 'Latitude', 'standard_name': 'latitude', 'units': 'degrees_north', 'axis': 'Y'})[:] = lat1d
    var(ds, 'lon', 'f8', ('lon',), {'long_name': 'Longitude', 'standard_name': 'longitude', 'units': 'degrees_east', 'modulo': '360 degrees', 'axis': 'X'})[:] = lon1d
    east, north = grid_values('current', lon1d, lat1d, 1.0, 56.0)
    for name, values, sn in (('water_u', east, 'eastward_sea_water_velocity'), ('water_v', north, 'northward_sea_water_velocity')):
        levels = np.stack([values] + [wrong_level(values)] * (len(depth) - 1), axis=1)
        raw = np.round(levels / 0.001).astype('i2')
        raw[:, :, :2, :2] = -30000
        v = var(ds, name, 'i2', ('time', 'depth', 'lat', 'lon'), {'long_name': f'{"Eastward" if name.endswith("u") else "Northward"} Water Velocity',
            'standard_name': sn, 'units': 'm/s', 'missing_value': np.int16(-30000), 'scale_factor': np.float32(0.001), 'add_offset': np.float32(0.0),
            'NAVO_code': 17}, fill=np.int16(-30000))
        v[:] = raw
    ds.close()


# ---------------------------------------------------------------- NCEP GFS

def gfs_wgrib2(path, lon1d=np.arange(0.0, 360.0, 2.5), lat1d=np.arange(-90.0, 90.01, 2.5)):
    """wgrib2 -netcdf: global 0..357.5 here (the real file is 0.25 deg), latitude south to north."""
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.Conventions = 'COARDS'
    ds.History = 'created by wgrib2'
    ds.GRIB2_grid_template = 0
    ds.createDimension('latitude', len(lat1d))
    ds.createDimension('longitude', len(lon1d))
    ds.createDimension('time', None)
    var(ds, 'latitude', 'f8', ('latitude',), {'units': 'degrees_north', 'long_name': 'latitude'})[:] = lat1d
    var(ds, 'longitude', 'f8', ('longitude',), {'units': 'degrees_east', 'long_name': 'longitude'})[:] = lon1d
    var(ds, 'time', 'f8', ('time',), {'units': 'seconds since 1970-01-01 00:00:00.0 0:00', 'long_name': 'verification time generated by wgrib2 function verftime()',
        'reference_time': T0.timestamp(), 'reference_time_type': 1, 'reference_date': '2024.01.01 00:00:00 UTC', 'reference_time_description': 'forecast or accumulated, reference date is fixed',
        'time_step_setting': 'auto', 'time_step': 10800.0})[:] = [(T0 + timedelta(hours=h)).timestamp() for h in hours_list()]
    east, north = grid_values('wind', lon1d, lat1d, 0.0, 0.0)
    for name, values, long in (('UGRD_10maboveground', east, 'U-Component of Wind'), ('VGRD_10maboveground', north, 'V-Component of Wind')):
        v = var(ds, name, 'f4', ('time', 'latitude', 'longitude'), {'short_name': name, 'long_name': long, 'level': '10 m above ground', 'units': 'm/s'},
                fill=np.float32(9.999e20))
        v[:] = values.astype('f4')
    ds.close()


def gfs_nomads(path, lon1d=np.arange(0.0, 360.0, 2.5), lat1d=np.arange(-90.0, 90.01, 2.5)):
    """NOMADS OPeNDAP (GrADS Data Server) saved with ncks or xarray: ugrd10m, days since 1-1-1."""
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.title = 'GFS 0.25 deg starting from 00Z01jan2024, downloaded Jan 01 04:37 UTC'
    ds.Conventions = 'COARDS\nGrADS'
    ds.dataType = 'Grid'
    ds.createDimension('time', NT)
    ds.createDimension('lat', len(lat1d))
    ds.createDimension('lon', len(lon1d))
    # GrADS counts days from 1-1-1 in the calendar CF calls standard (Julian before 1582-10-15)
    days = [738887.0 + h / 24.0 for h in hours_list()]   # 738887 days since 0001-01-01 (mixed Julian/Gregorian) = 2024-01-01
    var(ds, 'time', 'f8', ('time',), {'grads_dim': 't', 'grads_mapping': 'linear', 'grads_size': '209', 'grads_min': '00z01jan2024',
        'grads_step': '3hr', 'units': 'days since 1-1-1 00:00:0.0', 'long_name': 'time', 'minimum': '00z01jan2024', 'maximum': '00z09jan2024',
        'resolution': 0.125})[:] = days
    var(ds, 'lat', 'f8', ('lat',), {'grads_dim': 'y', 'grads_mapping': 'linear', 'units': 'degrees_north', 'long_name': 'latitude'})[:] = lat1d
    var(ds, 'lon', 'f8', ('lon',), {'grads_dim': 'x', 'grads_mapping': 'linear', 'units': 'degrees_east', 'long_name': 'longitude'})[:] = lon1d
    east, north = grid_values('wind', lon1d, lat1d, 0.0, 0.0)
    for name, values, long in (('ugrd10m', east, '10 m above ground u-component of wind [m/s] '), ('vgrd10m', north, '10 m above ground v-component of wind [m/s] ')):
        v = var(ds, name, 'f4', ('time', 'lat', 'lon'), {'missing_value': np.float32(9.999e20), 'long_name': long}, fill=np.float32(9.999e20))
        v[:] = values.astype('f4')
    ds.close()


# ---------------------------------------------------------------- projected grids

def lcc_inverse(x, y, lat1, lon0, lat0):
    """Spherical Lambert conformal conic with one standard parallel (tangent cone)."""
    p1, p0 = math.radians(lat1), math.radians(lat0)
    n = math.sin(p1)
    F = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
    rho0 = R_EARTH * F / math.tan(math.pi / 4 + p0 / 2) ** n
    rho = np.sign(n) * np.hypot(x, rho0 - y)
    theta = np.arctan2(x, rho0 - y)
    lat = np.degrees(2 * np.arctan((R_EARTH * F / rho) ** (1 / n)) - math.pi / 2)
    lon = lon0 + np.degrees(theta / n)
    return lon, lat, n


def to_grid(east, north, gamma):
    """East/north turned into grid axes whose x axis is `gamma` (rad) counter-clockwise from east
    (ROMS's `angle`). On a conic or polar projection, x = rho sin(theta), y = rho0 - rho cos(theta)
    with theta = n (lon - lon0), east is theta counter-clockwise from x: gamma = -theta."""
    c, s = np.cos(gamma), np.sin(gamma)
    return east * c + north * s, -east * s + north * c


def meps(path, with_members_and_pl, dx=25000.0):
    """met.no MEPS/AROME 2.5 km: Lambert, x_wind_10m(time, height1, [ensemble_member,] y, x), grid-relative."""
    lat1, lon0 = 63.3, 15.0
    x1d = np.arange(-200000.0, 200001.0, dx)
    y1d = np.arange(-300000.0, 300001.0, dx)
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2, n = lcc_inverse(x2, y2, lat1, lon0, lat1)
    gamma = -n * np.radians(lon2 - lon0)
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.6'
    ds.institution = 'Norwegian Meteorological Institute, met.no'
    ds.createDimension('time', NT)
    ds.createDimension('height1', 1)
    if with_members_and_pl:
        ds.createDimension('ensemble_member', 3)
        ds.createDimension('pressure', 2)
    ds.createDimension('y', len(y1d))
    ds.createDimension('x', len(x1d))
    var(ds, 'time', 'f8', ('time',), {'long_name': 'time', 'standard_name': 'time', 'units': 'seconds since 1970-01-01 00:00:00 +00:00'})[:] = \
        [(T0 + timedelta(hours=h)).timestamp() for h in hours_list()]
    var(ds, 'forecast_reference_time', 'f8', (), {'units': 'seconds since 1970-01-01 00:00:00 +00:00', 'standard_name': 'forecast_reference_time'})[...] = T0.timestamp()
    var(ds, 'height1', 'f8', ('height1',), {'description': 'height above ground', 'long_name': 'height', 'positive': 'up', 'units': 'm'})[:] = [10.0]
    if with_members_and_pl:
        var(ds, 'ensemble_member', 'i4', ('ensemble_member',), {'long_name': 'ensemble run number', 'standard_name': 'realization'})[:] = [0, 1, 2]
        var(ds, 'pressure', 'f8', ('pressure',), {'long_name': 'pressure', 'standard_name': 'air_pressure', 'units': 'hPa', 'positive': 'down'})[:] = [850.0, 500.0]
    var(ds, 'x', 'f8', ('x',), {'standard_name': 'projection_x_coordinate', 'units': 'm'})[:] = x1d
    var(ds, 'y', 'f8', ('y',), {'standard_name': 'projection_y_coordinate', 'units': 'm'})[:] = y1d
    var(ds, 'longitude', 'f8', ('y', 'x'), {'units': 'degrees_east', 'standard_name': 'longitude'})[:] = lon2
    var(ds, 'latitude', 'f8', ('y', 'x'), {'units': 'degrees_north', 'standard_name': 'latitude'})[:] = lat2
    var(ds, 'projection_lambert', 'i4', (), {'grid_mapping_name': 'lambert_conformal_conic', 'standard_parallel': [lat1, lat1],
        'longitude_of_central_meridian': lon0, 'latitude_of_projection_origin': lat1, 'earth_radius': R_EARTH,
        'proj4': f'+proj=lcc +lat_0={lat1} +lon_0={lon0} +lat_1={lat1} +lat_2={lat1} +no_defs +R={R_EARTH:.0f}'})[...] = 0
    east = np.stack([field('wind', lon2, lat2, h, 15.0, 63.0)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, 15.0, 63.0)[1] for h in hours_list()])
    gx, gy = to_grid(east, north, gamma)
    names = []
    if with_members_and_pl:
        # a pressure-level wind before the 10 m wind, with the same standard names (as MEPS files order them)
        for name, values, sn in (('x_wind_pl', gx, 'x_wind'), ('y_wind_pl', gy, 'y_wind')):
            v = var(ds, name, 'f4', ('time', 'pressure', 'ensemble_member', 'y', 'x'), {'standard_name': sn, 'units': 'm/s', 'grid_mapping': 'projection_lambert',
                'coordinates': 'longitude latitude'}, fill=np.float32(9.96921e36))
            v[:] = np.repeat(np.stack([wrong_level(values)] * 2, axis=1)[:, :, None], 3, axis=2).astype('f4')
    for name, values, sn in (('x_wind_10m', gx, 'x_wind'), ('y_wind_10m', gy, 'y_wind')):
        dims = ('time', 'height1', 'ensemble_member', 'y', 'x') if with_members_and_pl else ('time', 'height1', 'y', 'x')
        v = var(ds, name, 'f4', dims, {'standard_name': sn, 'long_name': 'Zonal 10 metre wind (U10M)' if sn == 'x_wind' else 'Meridional 10 metre wind (V10M)',
            'units': 'm/s', 'grid_mapping': 'projection_lambert', 'coordinates': 'longitude latitude'}, fill=np.float32(9.96921e36))
        if with_members_and_pl:
            # member 0 (the control run) holds the field; the other members something else
            members = np.stack([values, wrong_level(values), wrong_level(values)], axis=1)
            v[:] = members[:, None].astype('f4')
        else:
            v[:] = values[:, None].astype('f4')
    ds.close()


def rotated_to_geographic(rlon, rlat, pole_lat, pole_lon, npgl=0.0):
    """CF rotated pole (Appendix F) as PROJ's ob_tran (o_lat_p = pole_lat, o_lon_p = npgl, lon_0 = 180 + pole_lon)."""
    sp, cp = math.sin(math.radians(pole_lat)), math.cos(math.radians(pole_lat))
    lam = np.radians(rlon - npgl)
    phi = np.radians(rlat)
    lat = np.degrees(np.arcsin(sp * np.sin(phi) + cp * np.cos(phi) * np.cos(lam)))
    lon = np.degrees(np.arctan2(np.cos(phi) * np.sin(lam), sp * np.cos(phi) * np.cos(lam) - cp * np.sin(phi))) + 180.0 + pole_lon
    return (lon + 180.0) % 360.0 - 180.0, lat


def rotated_pole(path, axis_attrs):
    """COSMO/HARMONIE-style rotated pole grid (CDO's layout): U_10M/V_10M along the rotated grid's axes."""
    pole_lat, pole_lon = 40.0, -170.0
    rlon1d = np.arange(-6.0, 6.001, 0.5)
    rlat1d = np.arange(-4.0, 4.001, 0.5)
    rl2, rb2 = np.meshgrid(rlon1d, rlat1d)
    lon2, lat2 = rotated_to_geographic(rl2, rb2, pole_lat, pole_lon)
    # the angle of the rotated x axis (increasing rlon) from true east, from a small step along it
    d = 1e-5
    lon_e, lat_e = rotated_to_geographic(rl2 + d, rb2, pole_lat, pole_lon)
    gamma = np.arctan2(lat_e - lat2, ((lon_e - lon2 + 180) % 360 - 180) * np.cos(np.radians(lat2)))
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.4'
    ds.institution = 'synthetic COSMO-like layout'
    ds.createDimension('time', NT)
    ds.createDimension('height_10m', 1)
    ds.createDimension('rlat', len(rlat1d))
    ds.createDimension('rlon', len(rlon1d))
    var(ds, 'time', 'f8', ('time',), {'standard_name': 'time', 'units': 'hours since 2024-01-01 00:00:00', 'calendar': 'proleptic_gregorian', 'axis': 'T'})[:] = hours_list()
    var(ds, 'height_10m', 'f8', ('height_10m',), {'standard_name': 'height', 'units': 'm', 'positive': 'up', 'axis': 'Z'})[:] = [10.0]
    var(ds, 'rlon', 'f8', ('rlon',), dict({'standard_name': 'grid_longitude', 'long_name': 'longitude in rotated pole grid', 'units': 'degrees'}, **axis_attrs[0]))[:] = rlon1d
    var(ds, 'rlat', 'f8', ('rlat',), dict({'standard_name': 'grid_latitude', 'long_name': 'latitude in rotated pole grid', 'units': 'degrees'}, **axis_attrs[1]))[:] = rlat1d
    var(ds, 'lon', 'f8', ('rlat', 'rlon'), {'standard_name': 'longitude', 'units': 'degrees_east'})[:] = lon2
    var(ds, 'lat', 'f8', ('rlat', 'rlon'), {'standard_name': 'latitude', 'units': 'degrees_north'})[:] = lat2
    rp = ds.createVariable('rotated_pole', 'S1', ())
    rp.grid_mapping_name = 'rotated_latitude_longitude'
    rp.grid_north_pole_latitude = pole_lat
    rp.grid_north_pole_longitude = pole_lon
    east = np.stack([field('wind', lon2, lat2, h, 10.0, 50.0)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, 10.0, 50.0)[1] for h in hours_list()])
    gx, gy = to_grid(east, north, gamma)
    for name, values, sn in (('U_10M', gx, 'grid_eastward_wind'), ('V_10M', gy, 'grid_northward_wind')):
        v = var(ds, name, 'f4', ('time', 'height_10m', 'rlat', 'rlon'), {'standard_name': sn, 'long_name': f'{name[0]}-component of 10m wind', 'units': 'm s-1',
            'grid_mapping': 'rotated_pole', 'coordinates': 'lon lat'}, fill=np.float32(-1e20))
        v[:] = values[:, None].astype('f4')
    ds.close()


def laea_inverse(x, y, lat0, lon0):
    """Spherical Lambert azimuthal equal-area (Snyder 1987, eqs. 20-14, 24-2/24-3), inverse."""
    p0 = math.radians(lat0)
    rho = np.hypot(x, y)
    c = 2 * np.arcsin(rho / (2 * R_EARTH))
    with np.errstate(invalid='ignore', divide='ignore'):
        lat = np.degrees(np.arcsin(np.cos(c) * math.sin(p0) + np.where(rho > 0, y * np.sin(c) * math.cos(p0) / rho, 0)))
    lon = lon0 + np.degrees(np.arctan2(x * np.sin(c), rho * math.cos(p0) * np.cos(c) - y * math.sin(p0) * np.sin(c)))
    return lon, lat


def ukv_laea(path):
    """Met Office UKV-like: Lambert azimuthal equal-area (not conformal), projection_x/y_coordinate, grid-relative x_wind/y_wind."""
    lat0, lon0 = 54.9, -2.5
    x1d = np.arange(-300000.0, 300001.0, 50000.0)
    y1d = np.arange(-400000.0, 400001.0, 50000.0)
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2 = laea_inverse(x2, y2, lat0, lon0)
    # the ground directions of +x and +y (an equal-area map does not keep angles: they need not be at 90 degrees)
    d = 1.0
    def direction(lo, la):
        e = (lo - lon2) * np.cos(np.radians(lat2)); n = la - lat2
        l = np.hypot(e, n)
        return e / l, n / l
    xe, xn = direction(*laea_inverse(x2 + d, y2, lat0, lon0))
    ye, yn = direction(*laea_inverse(x2, y2 + d, lat0, lon0))
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.7, UKMO-1.0'
    ds.institution = 'synthetic Met Office UKV-like layout'
    ds.createDimension('time', NT)
    ds.createDimension('projection_y_coordinate', len(y1d))
    ds.createDimension('projection_x_coordinate', len(x1d))
    var(ds, 'time', 'i8', ('time',), {'standard_name': 'time', 'units': 'seconds since 1970-01-01 00:00:00', 'calendar': 'gregorian', 'axis': 'T'})[:] = \
        [int((T0 + timedelta(hours=h)).timestamp()) for h in hours_list()]
    var(ds, 'projection_x_coordinate', 'f8', ('projection_x_coordinate',), {'standard_name': 'projection_x_coordinate', 'units': 'm', 'axis': 'X'})[:] = x1d
    var(ds, 'projection_y_coordinate', 'f8', ('projection_y_coordinate',), {'standard_name': 'projection_y_coordinate', 'units': 'm', 'axis': 'Y'})[:] = y1d
    var(ds, 'height', 'f4', (), {'standard_name': 'height', 'units': 'm', 'positive': 'up'})[...] = 10.0
    var(ds, 'lambert_azimuthal_equal_area', 'i4', (), {'grid_mapping_name': 'lambert_azimuthal_equal_area', 'longitude_of_prime_meridian': 0.0,
        'earth_radius': R_EARTH, 'longitude_of_projection_origin': lon0, 'latitude_of_projection_origin': lat0, 'false_easting': 0.0, 'false_northing': 0.0})[...] = 0
    east = np.stack([field('wind', lon2, lat2, h, -2.5, 55.0)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, -2.5, 55.0)[1] for h in hours_list()])
    # components along the grid's x and y: solve east/north = gx * xhat + gy * yhat
    det = xe * yn - ye * xn
    gx = (east * yn - north * ye) / det
    gy = (north * xe - east * xn) / det
    for name, values, sn in (('x_wind', gx, 'x_wind'), ('y_wind', gy, 'y_wind')):
        var(ds, name, 'f4', ('time', 'projection_y_coordinate', 'projection_x_coordinate'), {'standard_name': sn, 'units': 'm s-1',
            'grid_mapping': 'lambert_azimuthal_equal_area', 'coordinates': 'height'}, fill=np.float32(np.nan))[:] = values.astype('f4')
    ds.close()


def ps_inverse(x, y, lat_ts, lon0):
    """Spherical north polar stereographic with true scale at lat_ts."""
    k = (1 + math.sin(math.radians(lat_ts))) / 2   # scale at the pole
    rho = np.hypot(x, y)
    c = 2 * np.arctan(rho / (2 * R_EARTH * k))
    lat = np.degrees(np.arcsin(np.cos(c)))
    lon = lon0 + np.degrees(np.arctan2(x, -y))
    return lon, lat


def norkyst(path, grid_relative):
    """NorKyst-800 (met.no ROMS, z-level output): polar stereographic X/Y, depth positive down."""
    lat_ts, lon0, fe, fn = 60.0, 70.0, 3192800.0, 1784000.0
    x1d = np.arange(0.0, 40001.0, 2400.0) + 2000000.0
    y1d = np.arange(0.0, 40001.0, 2400.0) + 800000.0
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2 = ps_inverse(x2 - fe, y2 - fn, lat_ts, lon0)
    gamma = -np.radians(lon2 - lon0)
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.2'
    ds.institution = 'Norwegian Meteorological Institute'
    ds.title = 'NorKyst-800m'
    ds.createDimension('time', NT)
    ds.createDimension('depth', 3)
    ds.createDimension('Y', len(y1d))
    ds.createDimension('X', len(x1d))
    var(ds, 'time', 'f8', ('time',), {'long_name': 'time', 'standard_name': 'time', 'units': 'seconds since 1970-01-01 00:00:00'})[:] = \
        [(T0 + timedelta(hours=h)).timestamp() for h in hours_list()]
    var(ds, 'depth', 'f8', ('depth',), {'long_name': 'depth', 'standard_name': 'depth', 'units': 'meter', 'positive': 'down'})[:] = [0.0, 3.0, 10.0]
    var(ds, 'X', 'f8', ('X',), {'long_name': 'X-coordinate in Cartesian system', 'standard_name': 'projection_x_coordinate', 'units': 'meter'})[:] = x1d
    var(ds, 'Y', 'f8', ('Y',), {'long_name': 'Y-coordinate in Cartesian system', 'standard_name': 'projection_y_coordinate', 'units': 'meter'})[:] = y1d
    var(ds, 'lon', 'f8', ('Y', 'X'), {'long_name': 'longitude', 'standard_name': 'longitude', 'units': 'degrees_east'})[:] = lon2
    var(ds, 'lat', 'f8', ('Y', 'X'), {'long_name': 'latitude', 'standard_name': 'latitude', 'units': 'degrees_north'})[:] = lat2
    var(ds, 'projection_stere', 'i4', (), {'grid_mapping_name': 'polar_stereographic', 'scale_factor_at_projection_origin': 1.0,
        'straight_vertical_longitude_from_pole': lon0, 'false_easting': fe, 'false_northing': fn, 'latitude_of_projection_origin': 90.0,
        'standard_parallel': lat_ts, 'earth_radius': R_EARTH,
        'proj4': f'+proj=stere +R={R_EARTH:.0f} +lat_0=90.0 +lat_ts=60.0 +x_0={fe} +y_0={fn} +lon_0={lon0}'})[...] = 0
    var(ds, 'angle', 'f8', ('Y', 'X'), {'long_name': 'angle between xi axis and east', 'units': 'radian'})[:] = gamma
    east = np.stack([field('current', lon2, lat2, h, 13.0, 67.5)[0] for h in hours_list()])
    north = np.stack([field('current', lon2, lat2, h, 13.0, 67.5)[1] for h in hours_list()])
    if grid_relative:
        gx, gy = to_grid(east, north, gamma)
        pairs = (('u', gx, 'x_sea_water_velocity'), ('v', gy, 'y_sea_water_velocity'))
    else:
        pairs = (('u_eastward', east, 'eastward_sea_water_velocity'), ('v_northward', north, 'northward_sea_water_velocity'))
    for name, values, sn in pairs:
        levels = np.stack([values, wrong_level(values), wrong_level(values)], axis=1)
        v = var(ds, name, 'i2', ('time', 'depth', 'Y', 'X'), {'long_name': sn.replace('_', ' '), 'standard_name': sn, 'units': 'meter second-1',
            'scale_factor': np.float32(0.001), 'add_offset': np.float32(0.0), 'grid_mapping': 'projection_stere', 'coordinates': 'lon lat'}, fill=np.int16(-32767))
        v[:] = np.round(levels / np.float32(0.001)).astype('i2')
    ds.close()


def topaz_arctic(path):
    """Copernicus Marine Arctic (TOPAZ) layout: polar stereographic over the North Pole, x/y in units of "100 km",
    vxo/vyo along the grid (standard_name sea_water_x_velocity), 2-D latitude/longitude."""
    lon0, R = -45.0, 6378273.0
    x1d = np.arange(-10.0, 10.01, 1.0)   # 100 km units: -1000 .. 1000 km around the pole
    y1d = np.arange(-10.0, 10.01, 1.0)
    x2, y2 = np.meshgrid(x1d * 1e5, y1d * 1e5)
    k = (1 + math.sin(math.radians(90.0))) / 2
    rho = np.hypot(x2, y2)
    c = 2 * np.arctan(rho / (2 * R * k))
    lat2 = np.degrees(np.arcsin(np.cos(c)))
    lon2 = lon0 + np.degrees(np.arctan2(x2, -y2))
    lon2 = (lon2 + 180) % 360 - 180
    gamma = -np.radians(lon2 - lon0)
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.4'
    ds.institution = 'synthetic TOPAZ-like layout'
    ds.createDimension('time', NT)
    ds.createDimension('depth', 2)
    ds.createDimension('y', len(y1d))
    ds.createDimension('x', len(x1d))
    var(ds, 'time', 'f8', ('time',), {'standard_name': 'time', 'units': 'hours since 1950-01-01 00:00:00', 'calendar': 'standard'})[:] = \
        hours_since(datetime(1950, 1, 1, tzinfo=timezone.utc), hours_list())
    var(ds, 'depth', 'f4', ('depth',), {'standard_name': 'depth', 'units': 'm', 'positive': 'down'})[:] = [0.0, 30.0]
    var(ds, 'x', 'f8', ('x',), {'standard_name': 'projection_x_coordinate', 'units': '100 km', 'axis': 'X'})[:] = x1d
    var(ds, 'y', 'f8', ('y',), {'standard_name': 'projection_y_coordinate', 'units': '100 km', 'axis': 'Y'})[:] = y1d
    var(ds, 'stereographic', 'i4', (), {'grid_mapping_name': 'polar_stereographic', 'latitude_of_projection_origin': 90.0,
        'straight_vertical_longitude_from_pole': lon0, 'scale_factor_at_projection_origin': 1.0, 'false_easting': 0.0, 'false_northing': 0.0,
        'earth_radius': R})[...] = 0
    var(ds, 'latitude', 'f4', ('y', 'x'), {'standard_name': 'latitude', 'units': 'degrees_north'})[:] = lat2
    var(ds, 'longitude', 'f4', ('y', 'x'), {'standard_name': 'longitude', 'units': 'degrees_east'})[:] = lon2
    east = np.full((NT,) + lon2.shape, 0.6) if UNIFORM else np.stack([np.full(lon2.shape, 0.6 + 0.005 * h) for h in hours_list()])
    north = np.full((NT,) + lon2.shape, -0.8) if UNIFORM else np.stack([np.full(lon2.shape, -0.8 - 0.002 * h) for h in hours_list()])
    # a uniform east/north current: its grid components turn with longitude around the pole
    gx, gy = to_grid(east, north, gamma)
    for name, values, sn in (('vxo', gx, 'sea_water_x_velocity'), ('vyo', gy, 'sea_water_y_velocity')):
        var(ds, name, 'f4', ('time', 'depth', 'y', 'x'), {'standard_name': sn, 'units': 'm s-1', 'grid_mapping': 'stereographic',
            'coordinates': 'latitude longitude'}, fill=np.float32(-32767.0))[:] = np.stack([values, wrong_level(values)], axis=1).astype('f4')
    ds.close()


def wrfout(path):
    """WRF wrfout (not CF): U10/V10 grid-relative on a Lambert grid, XLAT/XLONG with a Time axis."""
    lat1, lon0 = 60.0, 10.0
    nx, ny, dx = 17, 15, 20000.0
    x1d = (np.arange(nx) - (nx - 1) / 2) * dx
    y1d = (np.arange(ny) - (ny - 1) / 2) * dx
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2, n = lcc_inverse(x2, y2, lat1, lon0, lat1)
    gamma = -n * np.radians(lon2 - lon0)
    ds = netCDF4.Dataset(path, 'w', format='NETCDF3_64BIT_OFFSET')
    ds.TITLE = ' OUTPUT FROM WRF V4.4 MODEL'
    ds.START_DATE = '2024-01-01_00:00:00'
    ds.SIMULATION_START_DATE = '2024-01-01_00:00:00'
    ds.MAP_PROJ = np.int32(1)
    ds.MAP_PROJ_CHAR = 'Lambert Conformal'
    ds.TRUELAT1 = np.float32(lat1)
    ds.TRUELAT2 = np.float32(lat1)
    ds.STAND_LON = np.float32(lon0)
    ds.CEN_LAT = np.float32(lat1)
    ds.CEN_LON = np.float32(lon0)
    ds.DX = np.float32(dx)
    ds.DY = np.float32(dx)
    ds.comment = SYNTHETIC
    ds.createDimension('Time', None)
    ds.createDimension('DateStrLen', 19)
    ds.createDimension('south_north', ny)
    ds.createDimension('west_east', nx)
    times = ds.createVariable('Times', 'S1', ('Time', 'DateStrLen'))
    for k, h in enumerate(hours_list()):
        times[k] = netCDF4.stringtochar(np.array([(T0 + timedelta(hours=h)).strftime('%Y-%m-%d_%H:%M:%S')], dtype='S19'))[0]
    var(ds, 'XTIME', 'f4', ('Time',), {'FieldType': np.int32(104), 'MemoryOrder': '0  ', 'description': 'minutes since 2024-01-01 00:00:00',
        'units': 'minutes since 2024-01-01 00:00:00', 'stagger': ''})[:] = [60.0 * h for h in hours_list()]
    for name, values, desc, units in (('XLAT', lat2, 'LATITUDE, SOUTH IS NEGATIVE', 'degree_north'), ('XLONG', lon2, 'LONGITUDE, WEST IS NEGATIVE', 'degree_east'),
                                      ('COSALPHA', np.cos(gamma), 'Local cosine of map rotation', ''), ('SINALPHA', np.sin(gamma), 'Local sine of map rotation', '')):
        v = var(ds, name, 'f4', ('Time', 'south_north', 'west_east'), {'FieldType': np.int32(104), 'MemoryOrder': 'XY ', 'description': desc, 'units': units, 'stagger': ''})
        v[:] = np.repeat(values[None], NT, axis=0).astype('f4')
    east = np.stack([field('wind', lon2, lat2, h, 10.0, 60.0)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, 10.0, 60.0)[1] for h in hours_list()])
    gx, gy = to_grid(east, north, gamma)
    for name, values, desc in (('U10', gx, 'U at 10 M'), ('V10', gy, 'V at 10 M')):
        v = var(ds, name, 'f4', ('Time', 'south_north', 'west_east'), {'FieldType': np.int32(104), 'MemoryOrder': 'XY ', 'description': desc,
            'units': 'm s-1', 'stagger': '', 'coordinates': 'XLONG XLAT XTIME'})
        v[:] = values.astype('f4')
    ds.close()


# ---------------------------------------------------------------- cfgrib / xarray (ECMWF open data, GFS GRIB)

def cfgrib_steps(path, step=0.25, one_step=False):
    """cfgrib/xarray from GRIB: dims (step, latitude, longitude), valid_time(step); with one_step every time is a scalar."""
    lon1d = np.arange(-4.0, 8.01, step)
    lat1d = np.arange(62.0, 49.99, -step)
    steps = hours_list()[:1] if one_step else hours_list()
    ds = new(path, 'NETCDF4')
    ds.GRIB_edition = 2
    ds.GRIB_centre = 'ecmf'
    ds.Conventions = 'CF-1.7'
    ds.institution = 'European Centre for Medium-Range Weather Forecasts'
    ds.history = 'GRIB to CDM+CF via cfgrib-0.9.10.4/ecCodes-2.31.0 with {"source": "ifs.grib2", "filter_by_keys": {}, "encode_cf": ["parameter", "time", "geography", "vertical"]}'
    if not one_step:
        ds.createDimension('step', NT)
    ds.createDimension('latitude', len(lat1d))
    ds.createDimension('longitude', len(lon1d))
    var(ds, 'time', 'i8', (), {'long_name': 'initial time of forecast', 'standard_name': 'forecast_reference_time', 'units': 'seconds since 1970-01-01', 'calendar': 'proleptic_gregorian'})[...] = int(T0.timestamp())
    step_dims = () if one_step else ('step',)
    var(ds, 'step', 'i8', step_dims, {'long_name': 'time since forecast_reference_time', 'standard_name': 'forecast_period', 'units': 'hours'})[...] = steps if not one_step else steps[0]
    var(ds, 'heightAboveGround', 'f8', (), {'long_name': 'height above the surface', 'units': 'm', 'positive': 'up', 'standard_name': 'height'})[...] = 10.0
    var(ds, 'latitude', 'f8', ('latitude',), {'units': 'degrees_north', 'standard_name': 'latitude', 'long_name': 'latitude', 'stored_direction': 'decreasing'})[:] = lat1d
    var(ds, 'longitude', 'f8', ('longitude',), {'units': 'degrees_east', 'standard_name': 'longitude', 'long_name': 'longitude'})[:] = lon1d
    var(ds, 'valid_time', 'i8', step_dims, {'standard_name': 'time', 'long_name': 'time', 'units': 'seconds since 1970-01-01', 'calendar': 'proleptic_gregorian'})[:] = \
        [int((T0 + timedelta(hours=h)).timestamp()) for h in steps] if not one_step else int(T0.timestamp())
    east, north = grid_values('wind', lon1d, lat1d, 0.0, 56.0)
    for name, values, sn in (('u10', east, 'eastward_wind'), ('v10', north, 'northward_wind')):
        v = var(ds, name, 'f4', step_dims + ('latitude', 'longitude'), {'GRIB_paramId': 165 if name == 'u10' else 166, 'GRIB_shortName': name, 'units': 'm s**-1',
            'long_name': f'10 metre {name[0].upper()} wind component', 'standard_name': sn, 'coordinates': 'heightAboveGround latitude longitude step time valid_time'},
            fill=np.float32(np.nan))
        v[:] = (values[0] if one_step else values).astype('f4')
    ds.close()


def hrrr_cfgrib(path):
    """NOAA HRRR GRIB2 through cfgrib (0.9.14+): u10/v10 labelled eastward/northward_wind but GRIB_uvRelativeToGrid = 1
    (the GRIB2 resolution and component flags: along the Lambert grid), 2-D latitude/longitude in 0..360."""
    lat1, lon0 = 38.5, -97.5
    x1d = np.arange(-600000.0, 600001.0, 100000.0)
    y1d = np.arange(-400000.0, 400001.0, 100000.0)
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2, n = lcc_inverse(x2, y2, lat1, lon0, lat1)
    gamma = -n * np.radians(lon2 - lon0)
    ds = new(path, 'NETCDF4')
    ds.GRIB_edition = 2
    ds.GRIB_centre = 'kwbc'
    ds.Conventions = 'CF-1.7'
    ds.institution = 'US National Weather Service - NCEP'
    ds.createDimension('step', NT)
    ds.createDimension('y', len(y1d))
    ds.createDimension('x', len(x1d))
    var(ds, 'time', 'i8', (), {'standard_name': 'forecast_reference_time', 'units': 'seconds since 1970-01-01', 'calendar': 'proleptic_gregorian'})[...] = int(T0.timestamp())
    var(ds, 'step', 'f8', ('step',), {'standard_name': 'forecast_period', 'units': 'hours'})[:] = hours_list()
    var(ds, 'heightAboveGround', 'f8', (), {'units': 'm', 'positive': 'up', 'standard_name': 'height'})[...] = 10.0
    var(ds, 'latitude', 'f8', ('y', 'x'), {'units': 'degrees_north', 'standard_name': 'latitude'})[:] = lat2
    var(ds, 'longitude', 'f8', ('y', 'x'), {'units': 'degrees_east', 'standard_name': 'longitude'})[:] = lon2 % 360.0
    var(ds, 'valid_time', 'i8', ('step',), {'standard_name': 'time', 'units': 'seconds since 1970-01-01', 'calendar': 'proleptic_gregorian'})[:] = \
        [int((T0 + timedelta(hours=h)).timestamp()) for h in hours_list()]
    east = np.stack([field('wind', lon2, lat2, h, -97.5, 38.5)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, -97.5, 38.5)[1] for h in hours_list()])
    gx, gy = to_grid(east, north, gamma)
    for name, values, sn in (('u10', gx, 'eastward_wind'), ('v10', gy, 'northward_wind')):
        var(ds, name, 'f4', ('step', 'y', 'x'), {'GRIB_paramId': 165 if name == 'u10' else 166, 'GRIB_shortName': name, 'GRIB_gridType': 'lambert',
            'GRIB_uvRelativeToGrid': np.int64(1), 'GRIB_LaDInDegrees': lat1, 'GRIB_LoVInDegrees': lon0 % 360, 'units': 'm s**-1', 'standard_name': sn,
            'long_name': f'10 metre {name[0].upper()} wind component', 'coordinates': 'heightAboveGround latitude longitude step time valid_time'},
            fill=np.float32(np.nan))[:] = values.astype('f4')
    ds.close()


def hrrr_wgrib2(path):
    """NOAA HRRR GRIB2 through wgrib2 -netcdf: UGRD_10maboveground(time, y, x) as in GRIB (along the Lambert grid),
    latitude/longitude(y, x) in 0..360, no standard names, time in "seconds since 1970-01-01 00:00:00.0 0:00"."""
    lat1, lon0 = 38.5, -97.5
    x1d = np.arange(-600000.0, 600001.0, 100000.0)
    y1d = np.arange(-400000.0, 400001.0, 100000.0)
    x2, y2 = np.meshgrid(x1d, y1d)
    lon2, lat2, n = lcc_inverse(x2, y2, lat1, lon0, lat1)
    gamma = -n * np.radians(lon2 - lon0)
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.Conventions = 'COARDS'
    ds.History = 'created by wgrib2'
    ds.GRIB2_grid_template = 30
    ds.createDimension('y', len(y1d))
    ds.createDimension('x', len(x1d))
    ds.createDimension('time', None)
    var(ds, 'latitude', 'f8', ('y', 'x'), {'units': 'degrees_north', 'long_name': 'latitude'})[:] = lat2
    var(ds, 'longitude', 'f8', ('y', 'x'), {'units': 'degrees_east', 'long_name': 'longitude'})[:] = lon2 % 360.0
    var(ds, 'time', 'f8', ('time',), {'units': 'seconds since 1970-01-01 00:00:00.0 0:00', 'long_name': 'verification time generated by wgrib2 function verftime()'})[:] = \
        [(T0 + timedelta(hours=h)).timestamp() for h in hours_list()]
    east = np.stack([field('wind', lon2, lat2, h, -97.5, 38.5)[0] for h in hours_list()])
    north = np.stack([field('wind', lon2, lat2, h, -97.5, 38.5)[1] for h in hours_list()])
    gx, gy = to_grid(east, north, gamma)
    for name, values, long in (('UGRD_10maboveground', gx, 'U-Component of Wind'), ('VGRD_10maboveground', gy, 'V-Component of Wind')):
        var(ds, name, 'f4', ('time', 'y', 'x'), {'short_name': name, 'long_name': long, 'level': '10 m above ground', 'units': 'm/s'},
            fill=np.float32(9.999e20))[:] = values.astype('f4')
    ds.close()


# ---------------------------------------------------------------- time and level variants

def simple(path, time_units, time_values, calendar=None, time_dtype='f8', fmt='NETCDF3_CLASSIC', quantity='wind', level=None, transposed=False):
    """A small regular grid (2W-6E, 54-58N, 0.5 deg) with the field at T0 + 0, 3, 6, 9 h written in `time_units`."""
    lon1d = np.arange(-2.0, 6.01, 0.5)
    lat1d = np.arange(54.0, 58.01, 0.5)
    ds = new(path, fmt)
    ds.createDimension('time', NT)
    level_dim = None
    if level is not None:
        level_dim, level_values, level_attrs, surface_index = level
        ds.createDimension(level_dim, len(level_values))
    ds.createDimension('lat', len(lat1d))
    ds.createDimension('lon', len(lon1d))
    attrs = {'units': time_units, 'standard_name': 'time'}
    if calendar is not None:
        attrs['calendar'] = calendar
    var(ds, 'time', time_dtype, ('time',), attrs)[:] = np.array(time_values, dtype=time_dtype)
    if level is not None and level_attrs is not None:
        var(ds, level_dim, 'f8', (level_dim,), level_attrs)[:] = level_values
    var(ds, 'lat', 'f8', ('lat',), {'units': 'degrees_north', 'standard_name': 'latitude'})[:] = lat1d
    var(ds, 'lon', 'f8', ('lon',), {'units': 'degrees_east', 'standard_name': 'longitude'})[:] = lon1d
    east, north = grid_values(quantity, lon1d, lat1d, 2.0, 56.0)
    sns = ('eastward_wind', 'northward_wind') if quantity == 'wind' else ('eastward_sea_water_velocity', 'northward_sea_water_velocity')
    for name, values, sn in (('u', east, sns[0]), ('v', north, sns[1])):
        if transposed:   # stored (time, lon, lat), as Fortran- or MATLAB-ordered writers leave it (CF allows any order)
            dims, data = ('time', 'lon', 'lat'), np.swapaxes(values, 1, 2)
        elif level is None:
            dims, data = ('time', 'lat', 'lon'), values
        else:
            stack = [wrong_level(values)] * len(level_values)
            stack[surface_index] = values
            dims, data = ('time', level_dim, 'lat', 'lon'), np.stack(stack, axis=1)
        v = var(ds, name, 'f4', dims, {'standard_name': sn, 'units': 'm s-1'}, fill=np.float32(1e20))
        v[:] = data.astype('f4')
    ds.close()


def speed_units(path, quantity, units, per_mps):
    """A speed in another unit than m/s: older AVISO geostrophic currents in cm/s, a wind in knots."""
    lon1d = np.arange(-2.0, 6.01, 1.0)
    lat1d = np.arange(54.0, 58.01, 1.0)
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.createDimension('time', NT)
    ds.createDimension('lat', len(lat1d))
    ds.createDimension('lon', len(lon1d))
    var(ds, 'time', 'f8', ('time',), {'units': 'days since 1950-01-01 00:00:00', 'standard_name': 'time', 'calendar': 'gregorian'})[:] = \
        [h / 24.0 for h in hours_since(datetime(1950, 1, 1, tzinfo=timezone.utc), hours_list())]
    var(ds, 'lat', 'f4', ('lat',), {'units': 'degrees_north', 'standard_name': 'latitude'})[:] = lat1d
    var(ds, 'lon', 'f4', ('lon',), {'units': 'degrees_east', 'standard_name': 'longitude'})[:] = lon1d
    east, north = grid_values(quantity, lon1d, lat1d, 2.0, 56.0)
    sns = (('surface_geostrophic_eastward_sea_water_velocity', 'surface_geostrophic_northward_sea_water_velocity') if quantity == 'current'
           else ('eastward_wind', 'northward_wind'))
    for name, values, sn in (('u', east, sns[0]), ('v', north, sns[1])):
        v = var(ds, name, 'f4', ('time', 'lat', 'lon'), {'standard_name': sn, 'units': units}, fill=np.float32(-2147483647.0))
        v[:] = (values * per_mps).astype('f4')
    ds.close()


def speed_direction(path, quantity):
    """Speed and direction instead of components (CF wind_speed + wind_from_direction; sea_water_speed +
    direction_of_sea_water_velocity, toward): the Met Office DataHub's 10 m wind, current meters."""
    lon1d = np.arange(-2.0, 6.01, 1.0)
    lat1d = np.arange(54.0, 58.01, 1.0)
    ds = new(path, 'NETCDF4')
    ds.Conventions = 'CF-1.7'
    ds.createDimension('time', NT)
    ds.createDimension('latitude', len(lat1d))
    ds.createDimension('longitude', len(lon1d))
    var(ds, 'time', 'i8', ('time',), {'standard_name': 'time', 'units': 'seconds since 1970-01-01 00:00:00', 'calendar': 'gregorian', 'axis': 'T'})[:] = \
        [int((T0 + timedelta(hours=h)).timestamp()) for h in hours_list()]
    var(ds, 'latitude', 'f4', ('latitude',), {'standard_name': 'latitude', 'units': 'degrees_north', 'axis': 'Y'})[:] = lat1d
    var(ds, 'longitude', 'f4', ('longitude',), {'standard_name': 'longitude', 'units': 'degrees_east', 'axis': 'X'})[:] = lon1d
    var(ds, 'height', 'f4', (), {'standard_name': 'height', 'units': 'm', 'positive': 'up'})[...] = 10.0 if quantity == 'wind' else 0.0
    east, north = grid_values(quantity, lon1d, lat1d, 2.0, 56.0)
    speed = np.hypot(east, north)
    if quantity == 'wind':
        names = (('wind_speed', 'wind_speed', 'm s-1', speed), ('wind_from_direction', 'wind_from_direction', 'degrees', np.degrees(np.arctan2(-east, -north)) % 360))
    else:
        names = (('sea_water_speed', 'sea_water_speed', 'm s-1', speed), ('sea_water_direction', 'direction_of_sea_water_velocity', 'degree', np.degrees(np.arctan2(east, north)) % 360))
    for name, sn, units, values in names:
        var(ds, name, 'f4', ('time', 'latitude', 'longitude'), {'standard_name': sn, 'units': units, 'coordinates': 'height'}, fill=np.float32(np.nan))[:] = values.astype('f4')
    ds.close()


def fvcom(path):
    """FVCOM output (unstructured): u/v(time, siglay, nele) on cell centres lonc/latc, time in MJD. Not read: a refusal must say so."""
    ds = new(path, 'NETCDF3_CLASSIC')
    ds.title = 'FVCOM-like unstructured mesh'
    ds.createDimension('time', NT)
    ds.createDimension('siglay', 3)
    ds.createDimension('nele', 12)
    ds.createDimension('node', 10)
    var(ds, 'time', 'f4', ('time',), {'long_name': 'time', 'units': 'days since 1858-11-17 00:00:00', 'format': 'modified julian day (MJD)', 'time_zone': 'UTC'})[:] = \
        [60310 + h / 24.0 for h in hours_list()]   # MJD 60310 = 2024-01-01
    rng = np.random.default_rng(1)
    for name, dim, sn in (('lonc', 'nele', 'longitude'), ('latc', 'nele', 'latitude'), ('lon', 'node', 'longitude'), ('lat', 'node', 'latitude')):
        n = ds.dimensions[dim].size
        var(ds, name, 'f4', (dim,), {'standard_name': sn, 'units': 'degrees_east' if sn == 'longitude' else 'degrees_north'})[:] = \
            (-2 + 8 * rng.random(n)) if sn == 'longitude' else (54 + 4 * rng.random(n))
    for name, sn in (('u', 'eastward_sea_water_velocity'), ('v', 'northward_sea_water_velocity')):
        var(ds, name, 'f4', ('time', 'siglay', 'nele'), {'standard_name': sn, 'units': 'meters s-1', 'mesh': 'fvcom_mesh', 'location': 'face',
            'coordinates': 'time siglay latc lonc'})[:] = np.full((NT, 3, 12), 0.3 if name == 'u' else -0.4, dtype='f4')
    ds.close()


def time_variants(out):
    h = np.array(hours_list(), dtype=float)
    epoch = T0.timestamp()
    simple(f'{out}/time_proleptic.nc', 'hours since 2024-01-01 00:00:00', h, 'proleptic_gregorian')
    simple(f'{out}/time_standard.nc', 'hours since 2024-01-01 00:00:00', h, 'standard')
    simple(f'{out}/time_gregorian.nc', 'hours since 2024-01-01 00:00:00', h, 'gregorian')
    simple(f'{out}/time_T_Z.nc', 'hours since 2024-01-01T00:00:00Z', h, 'standard')
    simple(f'{out}/time_fractional_days_f8.nc', 'days since 2023-12-31 00:00:00', 1 + h / 24, 'standard', 'f8')
    simple(f'{out}/time_fractional_days_f4.nc', 'days since 2023-12-31 00:00:00', 1 + h / 24, 'standard', 'f4')
    simple(f'{out}/time_int_seconds.nc', 'seconds since 1970-01-01 00:00:00', epoch + h * 3600, 'standard', 'i4')
    simple(f'{out}/time_int64_ms.nc', 'milliseconds since 1970-01-01T00:00:00Z', (epoch + h * 3600) * 1000, 'proleptic_gregorian', 'i8', 'NETCDF4')
    simple(f'{out}/time_days_since_0001.nc', 'days since 0001-01-01 00:00:00', 738887 + h / 24, "standard")
    simple(f'{out}/time_days_since_0001_proleptic.nc', 'days since 0001-01-01 00:00:00', 738885 + h / 24, "proleptic_gregorian")
    # noleap / 365_day: 2024-01-01 is 2024 * 365 days after 0000-01-01 in a calendar without leap days
    simple(f'{out}/time_noleap.nc', 'days since 2000-01-01 00:00:00', 24 * 365 + h / 24, 'noleap')
    simple(f'{out}/time_365_day.nc', 'days since 2000-01-01 00:00:00', 24 * 365 + h / 24, '365_day')
    simple(f'{out}/time_360_day.nc', 'days since 2000-01-01 00:00:00', 24 * 360 + h / 24, '360_day')
    simple(f'{out}/time_julian.nc', 'days since 2023-12-19 00:00:00', h / 24, 'julian')   # Julian 2023-12-19 = Gregorian 2024-01-01
    simple(f'{out}/lon_lat_order.nc', 'hours since 2024-01-01', h, transposed=True)
    # levels
    simple(f'{out}/wind_height_1.nc', 'hours since 2024-01-01', h, quantity='wind',
           level=('height', [10.0], {'units': 'm', 'positive': 'up', 'standard_name': 'height', 'axis': 'Z'}, 0))
    simple(f'{out}/wind_height_2.nc', 'hours since 2024-01-01', h, quantity='wind',
           level=('height', [100.0, 10.0], {'units': 'm', 'positive': 'up', 'standard_name': 'height', 'axis': 'Z'}, 1))
    simple(f'{out}/wind_pressure.nc', 'hours since 2024-01-01', h, quantity='wind',
           level=('plev', [100000.0, 85000.0], {'units': 'Pa', 'positive': 'down', 'standard_name': 'air_pressure', 'axis': 'Z'}, 0))
    simple(f'{out}/current_depth_down.nc', 'hours since 2024-01-01', h, quantity='current',
           level=('depth', [0.5, 10.0, 50.0], {'units': 'm', 'positive': 'down', 'standard_name': 'depth', 'axis': 'Z'}, 0))
    simple(f'{out}/current_depth_up.nc', 'hours since 2024-01-01', h, quantity='current',
           level=('z', [-50.0, -10.0, -0.5], {'units': 'm', 'positive': 'up', 'standard_name': 'height', 'axis': 'Z'}, 2))
    simple(f'{out}/current_sigma_last.nc', 'hours since 2024-01-01', h, quantity='current',
           level=('s_rho', [-0.875, -0.625, -0.375, -0.125], {'long_name': 'S-coordinate at RHO-points', 'standard_name': 'ocean_s_coordinate_g2', 'positive': 'up'}, 3))
    simple(f'{out}/current_sigma_first.nc', 'hours since 2024-01-01', h, quantity='current',
           level=('sigma', [0.0, -0.5, -1.0], {'long_name': 'sigma', 'standard_name': 'ocean_sigma_coordinate', 'positive': 'up'}, 0))
    simple(f'{out}/current_sigma_last_nocoord.nc', 'hours since 2024-01-01', h, quantity='current',
           level=('s_rho', [0, 0, 0], None, 2))


def fixtures(out):
    """The small files src/io/netcdf/producer_layouts.test.ts reads (each a convention sarbridge once read wrongly)."""
    region_lon, region_lat = np.arange(-2.0, 6.01, 1.0), np.arange(54.0, 58.01, 1.0)
    gfs_wgrib2(f'{out}/gfs_wgrib2.nc', region_lon + 360.0, region_lat)   # wgrib2 -small_grib 358:366 keeps counting past 360
    gfs_nomads(f'{out}/gfs_nomads.nc', np.arange(0.0, 6.01, 1.0), region_lat)   # a GrADS server cuts by index from 0E
    era5_old(f'{out}/era5_old_cds_expver.nc', np.arange(-2.0, 6.01, 1.0), expver=True, lat_step=1.0)
    meps(f'{out}/meps_members_pl.nc', True, dx=100000.0)
    wrfout(f'{out}/wrfout.nc')
    cfgrib_steps(f'{out}/cfgrib_steps.nc', step=1.0)
    simple(f'{out}/wind_pressure.nc', 'hours since 2024-01-01', np.array(hours_list(), dtype=float), quantity='wind',
           level=('plev', [100000.0, 85000.0], {'units': 'Pa', 'positive': 'down', 'standard_name': 'air_pressure', 'axis': 'Z'}, 0))
    simple(f'{out}/time_noleap.nc', 'days since 2000-01-01 00:00:00', 24 * 365 + np.array(hours_list()) / 24, 'noleap')
    speed_units(f'{out}/aviso_cm_per_s.nc', 'current', 'cm/s', 100.0)
    speed_units(f'{out}/wind_knots.nc', 'wind', 'knots', 3600.0 / 1852.0)
    rotated_pole(f'{out}/rotated_pole_axis.nc', ({'axis': 'X'}, {'axis': 'Y'}))
    rotated_pole(f'{out}/rotated_pole_noaxis.nc', ({}, {}))
    simple(f'{out}/lon_lat_order.nc', 'hours since 2024-01-01', np.array(hours_list(), dtype=float), transposed=True)
    fvcom(f'{out}/fvcom.nc')
    hrrr_cfgrib(f'{out}/hrrr_cfgrib.nc')
    hrrr_wgrib2(f'{out}/hrrr_wgrib2.nc')
    topaz_arctic(f'{out}/topaz_arctic.nc')
    ukv_laea(f'{out}/ukv_laea.nc')
    speed_direction(f'{out}/wind_speed_direction.nc', 'wind')
    speed_direction(f'{out}/current_speed_direction.nc', 'current')
    cfgrib_steps(f'{out}/cfgrib_one_step.nc', step=1.0, one_step=True)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--fixtures' in sys.argv:
        out = args[0] if args else 'src/io/netcdf/test/conventions'
        os.makedirs(out, exist_ok=True)
        fixtures(out)
        print(f'wrote the test fixtures to {out}')
        return
    out = args[0] if args else 'forcing-samples'
    only = None
    for a in sys.argv[1:]:
        if a.startswith('--only='):
            only = set(a.split('=', 1)[1].split(','))
    os.makedirs(out, exist_ok=True)
    global_lon = np.arange(0.0, 359.76, 1.0)       # 0..359 (ERA5's axis at a coarse step)
    makers = {
        'era5_old_cds_global': lambda: era5_old(f'{out}/era5_old_cds_global.nc', global_lon),
        'era5_old_cds_m2_6': lambda: era5_old(f'{out}/era5_old_cds_m2_6.nc', np.arange(-2.0, 6.01, 0.25)),
        'era5_old_cds_wrapped': lambda: era5_old(f'{out}/era5_old_cds_wrapped.nc', np.concatenate([np.arange(358.0, 359.9, 0.25), np.arange(0.0, 6.01, 0.25)])),
        'era5_old_cds_expver': lambda: era5_old(f'{out}/era5_old_cds_expver.nc', np.arange(-2.0, 6.01, 0.25), expver=True),
        'era5_new_cds_global': lambda: era5_new(f'{out}/era5_new_cds_global.nc', global_lon),
        'era5_new_cds_m2_6': lambda: era5_new(f'{out}/era5_new_cds_m2_6.nc', np.arange(-2.0, 6.01, 0.25)),
        'cmems_packed_1950': lambda: cmems(f'{out}/cmems_packed_1950.nc', True, False),
        'cmems_float_1970': lambda: cmems(f'{out}/cmems_float_1970.nc', False, True),
        'hycom_ncss': lambda: hycom(f'{out}/hycom_ncss.nc'),
        'gfs_wgrib2': lambda: gfs_wgrib2(f'{out}/gfs_wgrib2.nc'),
        'gfs_nomads': lambda: gfs_nomads(f'{out}/gfs_nomads.nc'),
        'meps_det': lambda: meps(f'{out}/meps_det.nc', False),
        'meps_members_pl': lambda: meps(f'{out}/meps_members_pl.nc', True),
        'norkyst_eastward': lambda: norkyst(f'{out}/norkyst_eastward.nc', False),
        'norkyst_grid_uv': lambda: norkyst(f'{out}/norkyst_grid_uv.nc', True),
        'wrfout': lambda: wrfout(f'{out}/wrfout.nc'),
        'rotated_pole_axis': lambda: rotated_pole(f'{out}/rotated_pole_axis.nc', ({'axis': 'X'}, {'axis': 'Y'})),
        'rotated_pole_noaxis': lambda: rotated_pole(f'{out}/rotated_pole_noaxis.nc', ({}, {})),
        'cfgrib_steps': lambda: cfgrib_steps(f'{out}/cfgrib_steps.nc'),
        'fvcom': lambda: fvcom(f'{out}/fvcom.nc'),
        'topaz_arctic': lambda: topaz_arctic(f'{out}/topaz_arctic.nc'),
        'hrrr_wgrib2': lambda: hrrr_wgrib2(f'{out}/hrrr_wgrib2.nc'),
        'hrrr_cfgrib': lambda: hrrr_cfgrib(f'{out}/hrrr_cfgrib.nc'),
        'ukv_laea': lambda: ukv_laea(f'{out}/ukv_laea.nc'),
        'wind_speed_direction': lambda: speed_direction(f'{out}/wind_speed_direction.nc', 'wind'),
        'current_speed_direction': lambda: speed_direction(f'{out}/current_speed_direction.nc', 'current'),
        'cfgrib_one_step': lambda: cfgrib_steps(f'{out}/cfgrib_one_step.nc', one_step=True),
        'aviso_cm_per_s': lambda: speed_units(f'{out}/aviso_cm_per_s.nc', 'current', 'cm/s', 100.0),
        'wind_knots': lambda: speed_units(f'{out}/wind_knots.nc', 'wind', 'knots', 3600.0 / 1852.0),
        'time_variants': lambda: time_variants(out),
    }
    for name, make in makers.items():
        if only is None or name in only:
            make()
    print(f'wrote {len(os.listdir(out))} files to {out}')


if __name__ == '__main__':
    main()
