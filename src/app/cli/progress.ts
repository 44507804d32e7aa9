import { SingleBar } from 'cli-progress';

/** A progress bar on a terminal (stderr); silent when output goes to a file or pipe, or when not `shown`. */
export function progressBar(label: string, shown = true): { update: (fraction: number) => void; stop: () => void } {
  if (!shown || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
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
