/** The largest of the values seen so far (null until one is seen); a sample that is null (nothing read) is left out. */
export class Peak {
  private max: number | null = null;

  add(value: number | null | undefined): void {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    this.max = this.max === null ? value : Math.max(this.max, value);
  }

  get value(): number | null {
    return this.max;
  }
}

/** KiB to whole MiB; null stays null. */
export const kibToMiB = (kib: number | null): number | null => (kib === null ? null : Math.round(kib / 1024));

/** Bytes to whole MiB; null stays null. */
export const bytesToMiB = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 1024 ** 2));
