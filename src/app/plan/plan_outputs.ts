/** Write a plan's files (plan_files.ts makes them) into a folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planOutputFiles, type PlanFilesInput } from './plan_files.js';

/** Write every file into `dir` (created if needed); returns the paths written. */
export async function writePlanOutputs(run: PlanFilesInput, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, text] of Object.entries(planOutputFiles(run))) {
    const path = join(dir, file);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
