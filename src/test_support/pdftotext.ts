// Test support: the text of a PDF as poppler's `pdftotext` extracts it (what a reader's search and
// copy see), or null when pdftotext is not installed (Debian: poppler-utils; .ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when `pdftotext` runs here. */
export const pdftotextAvailable: boolean = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;

/** The message a test skipped for want of pdftotext prints. */
const PDFTOTEXT_MISSING = 'pdftotext (poppler-utils) is not installed: the PDF text checks are skipped; install it with `apt-get install -y poppler-utils`';
// said once per test process, as the PostgreSQL tests say why they are skipped
if (!pdftotextAvailable && process.env.VITEST) console.warn(PDFTOTEXT_MISSING);

/** Extract a PDF's text with pdftotext (UTF-8). Throws when pdftotext fails on the file. */
export function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-pdftotext-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
