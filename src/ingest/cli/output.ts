import cliProgress from 'cli-progress';

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  /** How many files the run handles; the bar shows only for more than one. */
  files: number;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Where the loader's words go: reports on stdout, messages on stderr, and progress on stderr:
 * a bar (files done, graph elements written, rate, ETA) when stderr is a terminal, there is more
 * than one file and the output is not JSON; with --json, a JSON line
 * (`{"progress":{...}}`) at most once a second instead. While the bar shows, text is printed
 * above it so the two never mix.
 */
export class Output {
  private readonly bars: cliProgress.MultiBar | null;
  private bar: cliProgress.SingleBar | null = null;
  private progress = { phase: '', done: 0, total: 0, elements: 0, started: 0, lastLine: 0 };

  constructor(
    private readonly options: OutputOptions,
    private readonly stdout: Stream = process.stdout,
    private readonly stderr: Stream = process.stderr,
  ) {
    const show = stderr.isTTY === true && options.files > 1 && !options.json && !options.quiet;
    this.bars = show
      ? new cliProgress.MultiBar(
          {
            stream: stderr as NodeJS.WritableStream,
            format: '{phase} [{bar}] {value}/{total} files  {elements} elements  {rate}/s  ETA {eta_formatted}  {file}',
            hideCursor: true, clearOnComplete: true, gracefulExit: false, etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  }

  /** A file's report or the summary: stdout. */
  report(text: string): void {
    this.write(this.stdout, text);
  }

  /** Progress and information: stderr, unless --quiet. */
  info(text: string): void {
    if (!this.options.quiet) this.write(this.stderr, text);
  }

  /** Problems, refusals, errors: stderr, always. */
  problem(text: string): void {
    this.write(this.stderr, text);
  }

  /** Shows (or resets) the bar for a phase of `total` files. */
  phase(name: string, total: number): void {
    this.progress = { phase: name, done: 0, total, elements: 0, started: Date.now(), lastLine: 0 };
    if (!this.bars) return;
    const payload = { phase: name, file: '', elements: 0, rate: 0 };
    if (!this.bar) this.bar = this.bars.create(total, 0, payload);
    else {
      this.bar.setTotal(total);
      this.bar.update(0, payload);
    }
  }

  /** Marks one more file done in the current phase, with the graph elements it wrote (or would). */
  tick(file: string, elements = 0): void {
    const p = this.progress;
    p.done += 1;
    p.elements += elements;
    const seconds = Math.max((Date.now() - p.started) / 1000, 0.001);
    const rate = Math.round((p.elements > 0 ? p.elements : p.done) / seconds);
    this.bar?.increment(1, { file, elements: p.elements, rate: p.elements > 0 ? `${rate} elements` : `${rate} files` });
    if (this.options.json && this.options.files > 1 && (Date.now() - p.lastLine >= 1000 || p.done === p.total)) {
      p.lastLine = Date.now();
      const eta = p.done > 0 ? Math.round(((p.total - p.done) * seconds) / p.done) : null;
      this.stderr.write(`${JSON.stringify({ progress: { phase: p.phase, done: p.done, total: p.total, elements: p.elements, filesPerSecond: Number((p.done / seconds).toFixed(1)), elementsPerSecond: Math.round(p.elements / seconds), etaSeconds: eta } })}\n`);
    }
  }

  /** Removes the bar, printing anything still waiting above it. */
  done(): void {
    if (!this.bars) return;
    this.bars.update();
    this.bars.stop();
    this.bar = null;
  }

  private write(stream: Stream, text: string): void {
    const line = text.endsWith('\n') ? text : `${text}\n`;
    // Above the bar when both share the terminal; straight through when stdout is piped.
    if (this.bars && this.bar && (stream === this.stderr || stream.isTTY)) this.bars.log(line);
    else stream.write(line);
  }
}
