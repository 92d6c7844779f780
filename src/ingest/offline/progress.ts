import cliProgress from 'cli-progress';

export interface ProgressOptions {
  json: boolean;
  quiet: boolean;
}

/** One step's figures: what is done of how much, the rate and the time left. */
export interface ProgressLine {
  phase: string;
  unit: string;
  done: number;
  total: number | null;
  perSecond: number;
  etaSeconds: number | null;
}

/** The figures of a step `seconds` into it (pure). */
export function progressLine(phase: string, unit: string, done: number, total: number | null, seconds: number): ProgressLine {
  const perSecond = seconds > 0 ? Math.round(done / seconds) : 0;
  const etaSeconds = total === null || perSecond === 0 ? null : Math.max(0, Math.round((total - done) / perSecond));
  return { phase, unit, done, total, perSecond, etaSeconds };
}

/**
 * Progress of an offline import, step by step: a bar on a terminal (stderr), or with --json one
 * JSON line per update on stderr (`{"progress": {...}}`), at most every half second per step.
 */
export class OfflineProgress {
  private bar: cliProgress.SingleBar | null = null;
  private started = 0;
  private lastLine = 0;
  private step = { phase: '', unit: '', total: null as number | null, done: 0 };

  constructor(private readonly options: ProgressOptions, private readonly stderr: NodeJS.WriteStream = process.stderr) {}

  /** Starts a step of `total` units (null when unknown). */
  begin(phase: string, unit: string, total: number | null): void {
    this.end();
    this.step = { phase, unit, total, done: 0 };
    this.started = performance.now();
    this.lastLine = 0;
    if (!this.options.json && !this.options.quiet && this.stderr.isTTY && total !== null && total > 0) {
      this.bar = new cliProgress.SingleBar(
        { stream: this.stderr, format: `${phase} [{bar}] {value}/{total} ${unit}  {rate}/s  ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true, gracefulExit: false },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { rate: 0 });
    }
  }

  update(done: number): void {
    this.step.done = done;
    const line = this.line();
    this.bar?.update(done, { rate: line.perSecond });
    const now = performance.now();
    if (this.options.json && now - this.lastLine >= 500) {
      this.lastLine = now;
      this.stderr.write(`${JSON.stringify({ progress: line })}\n`);
    }
  }

  /** Ends the step; returns its figures. */
  end(): ProgressLine | null {
    if (!this.step.phase) return null;
    const line = this.line();
    this.bar?.stop();
    this.bar = null;
    if (this.options.json) this.stderr.write(`${JSON.stringify({ progress: { ...line, finished: true } })}\n`);
    this.step.phase = '';
    return line;
  }

  private line(): ProgressLine {
    return progressLine(this.step.phase, this.step.unit, this.step.done, this.step.total, (performance.now() - this.started) / 1000);
  }
}
