// The part of fontkit 2 (no bundled types) that io/pdf uses: opening a font from bytes and asking
// whether it has a glyph for a code point.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
