/**
 * Metres per second per unit of a velocity's `units` attribute (CF conventions §3.1: units UDUNITS
 * understands), or a string saying why it is no speed sarbridge converts. Reads the forms producers
 * write: "m/s", "m s-1", "m s**-1" (ECMWF), "meter second-1" (ROMS, NorKyst), "cm/s" and "cm s-1"
 * (AVISO's older geostrophic currents, HF radar), "km/h", "knots"/"kt"/"kn". No units at all is
 * taken as m/s (the SI unit CF implies for a velocity, and what a file without units almost always
 * holds); the caller says so.
 */
export function velocityUnitMps(units: string | undefined): number | string {
  if (units === undefined || units.trim() === '') return 1;
  const u = units.trim().toLowerCase();
  if (/^(knots?|kts?|kn|nmile\s*(\/\s*h(ou)?r?|\s+h(ou)?r?-1))$/.test(u)) return 1852 / 3600;   // 1 international knot = 1852 m per hour
  const m = /^([a-z]+)\s*(?:\/\s*([a-z]+)|[\s.·*]*([a-z]+)\s*(?:-1|\^-1|\*\*-1|\^\(-1\)|⁻¹))$/.exec(u);
  const length = m ? LENGTH_M[m[1]] : undefined;
  const time = m ? TIME_S[m[2] ?? m[3]] : undefined;
  if (length === undefined || time === undefined) {
    return `units '${units}' are not a speed sarbridge converts (m/s, m s-1, cm/s, km/h, knots)`;
  }
  return length / time;
}

const LENGTH_M: Readonly<Record<string, number>> = {
  m: 1, meter: 1, meters: 1, metre: 1, metres: 1,
  cm: 0.01, centimeter: 0.01, centimeters: 0.01, centimetre: 0.01, centimetres: 0.01,
  mm: 0.001, millimeter: 0.001, millimeters: 0.001, millimetre: 0.001, millimetres: 0.001,
  km: 1000, kilometer: 1000, kilometers: 1000, kilometre: 1000, kilometres: 1000,
};
const TIME_S: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400,
};
