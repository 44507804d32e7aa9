/**
 * Text for XML 1.0 exports (GPX, KML, RTZ): escaping of element text and attribute values, and
 * plain decimal numbers (xsd:decimal allows no exponent).
 */

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text: escape & < > and replace characters XML cannot hold by U+FFFD. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Attribute value (to be written inside double quotes): as xmlText, plus the quotes and the
 * tab/LF/CR that attribute-value normalisation would otherwise turn into spaces.
 */
export function xmlAttribute(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A plain decimal with at most `fractionDigits` digits, trailing zeros dropped ("-0" is "0"). */
export function formatDecimal(value: number, fractionDigits: number): string {
  const fixed = value.toFixed(fractionDigits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Digits after the point for degrees: 1e-8 degree is about 1 mm. */
export const DEGREE_DIGITS = 8;

/** Latitude, degrees, as written in exports. */
export function formatLatDeg(latDeg: number): string {
  return formatDecimal(latDeg, DEGREE_DIGITS);
}

/** Longitude, degrees, in [-180, 180) as GPX and RTZ require (180 is written -180). */
export function formatLonDeg(lonDeg: number): string {
  const wrapped = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  const text = formatDecimal(wrapped, DEGREE_DIGITS);
  return text === '180' ? '-180' : text; // 179.999999999 rounds up to 180
}
