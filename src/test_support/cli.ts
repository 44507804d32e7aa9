// Test support: run the `sarbridge` CLI in-process and capture what it prints.
import { vi } from 'vitest';
import { main } from '../app/cli/main.js';

export interface CliRun { readonly code: number; readonly out: string; readonly err: string }

/** Run `sarbridge ...args` and return its exit code and printed output (stdout, stderr). */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err.push(String(chunk)); return true; });
  try {
    const code = await main(['node', 'sarbridge', ...args]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}
