/**
 * The fonts the PDF writer embeds for Hangul and Japanese (data/fonts, SIL OFL 1.1; see
 * data/fonts/PROVENANCE.md): Noto Sans KR for Hangul, Noto Sans JP for kana, kanji and the other
 * characters the standard Helvetica cannot encode. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { DataFileError } from '../../core/errors.js';
import { projectPath } from '../project_files.js';

/** An embeddable font: its name in the PDF writer, its bytes and its character coverage. */
export interface EmbeddedFont {
  readonly name: 'sarbridge-kr' | 'sarbridge-jp';
  readonly file: string;
  readonly bytes: Buffer;
  readonly font: Font;
}

const FILES = { 'sarbridge-kr': 'data/fonts/NotoSansKR-Regular.ttf', 'sarbridge-jp': 'data/fonts/NotoSansJP-Regular.ttf' } as const;
let loaded: { kr: EmbeddedFont; jp: EmbeddedFont } | null = null;

function load(name: EmbeddedFont['name']): EmbeddedFont {
  const file = projectPath(FILES[name]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DataFileError(file, `cannot read the font the PDF needs for Hangul and Japanese (${(error as Error).message})`);
  }
  return { name, file, bytes, font: create(bytes) };
}

/** The Korean and the Japanese font (loaded on first use). */
export function cjkFonts(): { kr: EmbeddedFont; jp: EmbeddedFont } {
  loaded ??= { kr: load('sarbridge-kr'), jp: load('sarbridge-jp') };
  return loaded;
}
