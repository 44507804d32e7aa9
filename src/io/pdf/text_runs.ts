/**
 * Splitting text into runs by the font that can draw them. The standard fonts (Helvetica) encode
 * WinAnsi only, so a text with any other character is drawn wholly in the embedded fonts: Hangul
 * in the Korean font, kana, kanji and the rest (CJK punctuation, Greek, Cyrillic, …) in the
 * Japanese font when it has the glyph, else in the Korean one; Latin letters, digits, spaces and
 * punctuation stay in the run they are in. Both embedded fonts are Source Han Sans with the same
 * vertical metrics, so runs of the two share one baseline and line height (Helvetica's ascender
 * is 0.72 em against their 1.16 em, and pdfkit places each run of a continued line by its own
 * font's ascender: mixing Helvetica with them would set the CJK runs lower).
 */

/** Which font draws a run: the style's standard font, or an embedded one. */
export type RunFont = 'standard' | 'kr' | 'jp';

/** A piece of text drawn with one font. */
export interface TextRun { readonly font: RunFont; readonly text: string }

/** What the embedded fonts cover (a font's `hasGlyphForCodePoint`). */
export interface GlyphCoverage {
  readonly kr: (codePoint: number) => boolean;
  readonly jp: (codePoint: number) => boolean;
}

// WinAnsiEncoding (PDF 32000-1:2008, annex D.2): Latin-1 plus these from Windows-1252's 0x80-0x9F.
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)!));

/** True when the standard 14 fonts can draw the character (WinAnsiEncoding). */
export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || codePoint === 0x0a || codePoint === 0x09 || WIN_ANSI_EXTRA.has(codePoint);
}

/** Hangul: Jamo, compatibility Jamo, Jamo extended A and B, syllables. */
export function isHangul(codePoint: number): boolean {
  return (codePoint >= 0x1100 && codePoint <= 0x11ff) || (codePoint >= 0x3130 && codePoint <= 0x318f)
    || (codePoint >= 0xa960 && codePoint <= 0xa97f) || (codePoint >= 0xac00 && codePoint <= 0xd7ff);
}

/** Split text into runs; `missing` collects characters no font has (drawn as the .notdef box). */
export function textRuns(text: string, coverage: GlyphCoverage, missing?: Set<string>): TextRun[] {
  const codePoints = [...text].map((c) => c.codePointAt(0)!);
  if (codePoints.every(isWinAnsi)) return text === '' ? [] : [{ font: 'standard', text }];
  const runs: { font: RunFont; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const current = runs[runs.length - 1];
    let font: RunFont;
    if (isHangul(cp)) font = 'kr';
    else if (isWinAnsi(cp) && current) font = current.font;
    else if (coverage.jp(cp)) font = 'jp';
    else font = 'kr';
    if (!(font === 'kr' ? coverage.kr(cp) : coverage.jp(cp))) {
      if (font === 'kr' && coverage.jp(cp)) font = 'jp';
      else if (font === 'jp' && coverage.kr(cp)) font = 'kr';
      else if (cp !== 0x0a && cp !== 0x09) missing?.add(ch);
    }
    if (current && current.font === font) current.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}
