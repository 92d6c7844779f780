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
 * Where the loader's words go: reports on stdout, messages on stderr, and a progress bar on
 * stderr only when stderr is a terminal, there is more than one file and the output is not
 * JSON. While the bar shows, text is printed above it so the two never mix.
 */
export class Output {
  private readonly bars: cliProgress.MultiBar | null;
  private bar: cliProgress.SingleBar | null = null;

  constructor(
    private readonly options: OutputOptions,
    private readonly stdout: Stream = process.stdout,
    private readonly stderr: Stream = process.stderr,
  ) {
    const show = stderr.isTTY === true && options.files > 1 && !options.json && !options.quiet;
    this.bars = show
      ? new cliProgress.MultiBar(
          { stream: stderr as NodeJS.WritableStream, format: '{phase} [{bar}] {value}/{total} files  {file}', hideCursor: true, clearOnComplete: true, gracefulExit: false },
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
    if (!this.bars) return;
    if (!this.bar) this.bar = this.bars.create(total, 0, { phase: name, file: '' });
    else {
      this.bar.setTotal(total);
      this.bar.update(0, { phase: name, file: '' });
    }
  }

  /** Marks one more file done in the current phase. */
  tick(file: string): void {
    this.bar?.increment(1, { file });
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
