import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The data lines of the CSV files, encoded as each element is placed in its group, waiting on
 * disk (one file per group) until every group's columns are known. A group's columns are only
 * ever added to, in order, so a line encoded when its group had `columns` columns is the final
 * line with one empty cell more per column added since: `finalLines` adds them. Each record is
 * the line's UTF-8 bytes after two 32-bit unsigned integers (its byte length, the group's column
 * count when it was encoded); no value is serialized again, nor any object made to read it.
 */
const HEADER = 8;
/** Bytes gathered per group before they are written, and read at once when reading back. */
const BLOCK = 1 << 16;
const TAB = 0x09;
const NEWLINE = 0x0a;

class GroupLines {
  private fd = -1;
  private pending = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  size = 0;
  rows = 0;

  constructor(readonly path: string) {}

  add(line: string, columns: number): void {
    const most = HEADER + 3 * line.length;
    if (this.used + most > this.pending.length) {
      this.flush();
      if (most > this.pending.length) this.pending = Buffer.allocUnsafe(most);
    }
    const bytes = this.pending.write(line, this.used + HEADER, 'utf8');
    this.pending.writeUInt32LE(bytes, this.used);
    this.pending.writeUInt32LE(columns, this.used + 4);
    this.used += HEADER + bytes;
    this.rows += 1;
  }

  flush(): void {
    if (this.used === 0) return;
    if (this.fd < 0) this.fd = openSync(this.path, 'w+');
    for (let done = 0; done < this.used;) done += writeSync(this.fd, this.pending, done, this.used - done, this.size + done);
    this.size += this.used;
    this.used = 0;
    if (this.pending.length > BLOCK) this.pending = Buffer.allocUnsafe(BLOCK);
  }

  /**
   * The final lines, each with its line break, as slices of reused buffers (valid until the
   * next one is taken): `columns` is the group's final column count.
   */
  *finalLines(columns: number): Generator<Buffer> {
    this.flush();
    let block = Buffer.allocUnsafe(BLOCK);
    let line = Buffer.allocUnsafe(BLOCK);
    let carry = 0;
    for (let offset = 0; offset < this.size || carry > 0;) {
      // The start of a record cut short at the end of the last read is moved to the front.
      const wanted = carry >= HEADER ? HEADER + block.readUInt32LE(0) : 0;
      if (wanted > block.length) block = Buffer.concat([block.subarray(0, carry)], wanted);
      const read = Math.min(block.length - carry, this.size - offset);
      if (read === 0) throw new Error(`${this.path}: the last line is cut short (${carry} bytes left)`);
      readAll(this.fd, block.subarray(carry, carry + read), offset);
      offset += read;
      const end = carry + read;
      let at = 0;
      while (at + HEADER <= end) {
        const length = block.readUInt32LE(at);
        if (at + HEADER + length > end) break;
        const pad = columns - block.readUInt32LE(at + 4);
        if (line.length < length + pad + 1) line = Buffer.allocUnsafe(length + pad + 1);
        block.copy(line, 0, at + HEADER, at + HEADER + length);
        line.fill(TAB, length, length + pad);
        line[length + pad] = NEWLINE;
        yield line.subarray(0, length + pad + 1);
        at += HEADER + length;
      }
      carry = end - at;
      if (carry > 0) block.copy(block, 0, at, end);
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.path, { force: true });
  }
}

/** Every group's placed lines, one file each in `dir`. */
export class PlacedLines<G> {
  private readonly groups = new Map<G, GroupLines>();

  constructor(private readonly dir: string) {}

  /** Appends a group's line, encoded when the group had `columns` columns. */
  add(group: G, line: string, columns: number): void {
    let lines = this.groups.get(group);
    if (!lines) this.groups.set(group, (lines = new GroupLines(path.join(this.dir, `lines-${this.groups.size}.bin`))));
    lines.add(line, columns);
  }

  /** A group's final lines (see GroupLines.finalLines), in the order added. */
  finalLines(group: G, columns: number): Iterable<Buffer> {
    return this.groups.get(group)?.finalLines(columns) ?? [];
  }

  /** Bytes written to disk. */
  get size(): number {
    let bytes = 0;
    for (const lines of this.groups.values()) bytes += lines.size;
    return bytes;
  }

  /** Closes and removes the files. */
  close(): void {
    for (const lines of this.groups.values()) lines.close();
  }
}

function readAll(fd: number, into: Buffer, position: number): void {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('a placed lines file ends before the line it should hold');
    done += n;
  }
}
