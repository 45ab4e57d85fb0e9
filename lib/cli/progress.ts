// Progress for long CLI work: bars on a terminal (one per phase; phases may overlap), plain lines in CI
// and logs.
import cliProgress from "cli-progress";

export type Progress = { update: (label: string, done: number, total: number) => void; stop: () => void };

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && !process.env.CI) {
    const multi = new cliProgress.MultiBar(
      { format: "{label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}", hideCursor: true, clearOnComplete: false, stream },
      cliProgress.Presets.shades_classic,
    );
    const bars = new Map<string, cliProgress.SingleBar>();
    return {
      update(label, done, total) {
        let bar = bars.get(label);
        if (!bar) bars.set(label, (bar = multi.create(total, done, { label: label.padEnd(7) })));
        bar.setTotal(total);
        bar.update(done, { label: label.padEnd(7) });
      },
      stop: () => {
        multi.stop();
        bars.clear();
      },
    };
  }
  // Plain lines: at most one per 10 % per phase.
  const lastDecile = new Map<string, number>();
  return {
    update(label, done, total) {
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (lastDecile.get(label) === decile) return;
      lastDecile.set(label, decile);
      stream.write(`${label}: ${done}/${total}\n`);
    },
    stop() {},
  };
}
