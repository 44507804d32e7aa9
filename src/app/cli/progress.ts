import { SingleBar } from 'cli-progress';

/** A progress bar on a terminal (stderr); silent when output goes to a file or pipe. */
export function progressBar(label: string): { update: (fraction: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {eta_formatted} left`,
    stream: process.stderr, barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true,
  });
  bar.start(1000, 0);
  return {
    update: (fraction) => bar.update(Math.round(fraction * 1000)),
    stop: () => bar.stop(),
  };
}
