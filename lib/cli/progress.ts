// Progress for long CLI work: a bar on a terminal, plain lines in CI and logs.
import cliProgress from "cli-progress";

export type Progress = { update: (label: string, done: number, total: number) => void; stop: () => void };

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      { format: "{label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}", hideCursor: true, clearOnComplete: true, stream },
      cliProgress.Presets.shades_classic,
    );
    let current = "";
    return {
      update(label, done, total) {
        if (label !== current) {
          if (current) bar.stop();
          bar.start(total, done, { label: label.padEnd(6) });
          current = label;
        } else bar.setTotal(total);
        bar.update(done, { label: label.padEnd(6) });
      },
      stop: () => {
        if (current) bar.stop();
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
