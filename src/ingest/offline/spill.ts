import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * A spill file: values written one after another to disk, so that what an import holds waits
 * there instead of in memory. Each record is the value in V8's serialization format (the
 * structured clone of worker threads: strings of any content, numbers, booleans, null,
 * undefined, lists and plain objects come back exactly), after its byte length as a 32-bit
 * unsigned integer. Read back in order (`records`), or one by one from where it was written
 * (`SpillFile.at`).
 */
const HEADER = 4;
/** Bytes gathered before they are written, and read at once when reading in order. */
const BLOCK = 1 << 20;

/** Where a record is in its file: its first byte and its length (header included). */
export interface SpillAt {
  offset: number;
  length: number;
}

/** One record's bytes: its length, then its serialized value. */
export function encodeRecord(value: unknown): Buffer {
  const body = serialize(value);
  const record = Buffer.allocUnsafe(HEADER + body.length);
  record.writeUInt32LE(body.length, 0);
  body.copy(record, HEADER);
  return record;
}

/** The values of a run of whole records (the bytes of `encodeRecord`s one after another). */
export function* decodeRecords(bytes: Buffer): Generator<unknown> {
  for (let at = 0; at < bytes.length;) {
    const length = bytes.readUInt32LE(at);
    yield deserialize(bytes.subarray(at + HEADER, at + HEADER + length));
    at += HEADER + length;
  }
}

/** A spill file being written, then read: appends records, reads them back in order or by place. */
export class SpillFile {
  private fd: number;
  /** Records gathered before they are written: one buffer, not an object per record. */
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private pendingBytes = 0;
  /** Bytes written so far (records' places count from the file's start). */
  size = 0;
  records = 0;

  /** A new file; or, with `keepBytes`, the file as an earlier run left it, cut to its first `keepBytes` (whole records) and written on from there. */
  constructor(readonly path: string, keepBytes = 0) {
    this.fd = openSync(path, keepBytes > 0 ? 'r+' : 'w+');
    if (keepBytes > 0) ftruncateSync(this.fd, keepBytes);
    this.size = keepBytes;
  }

  /** Appends a value; returns where its record is. */
  add(value: unknown): SpillAt {
    const body = serialize(value);
    const length = HEADER + body.length;
    const at = { offset: this.size, length };
    if (this.pendingBytes + length > BLOCK) this.flush();
    if (length > BLOCK) {
      // A record larger than the block goes to disk at once.
      const header = Buffer.allocUnsafe(HEADER);
      header.writeUInt32LE(body.length, 0);
      writeAll(this.fd, header, this.size);
      writeAll(this.fd, body, this.size + HEADER);
    } else {
      this.block.writeUInt32LE(body.length, this.pendingBytes);
      body.copy(this.block, this.pendingBytes + HEADER);
      this.pendingBytes += length;
    }
    this.size += length;
    this.records += 1;
    return at;
  }

  /** The value of the record at a place `add` returned. */
  at({ offset, length }: SpillAt): unknown {
    this.flush();
    const bytes = Buffer.allocUnsafe(length);
    readAll(this.fd, bytes, offset);
    return deserialize(bytes.subarray(HEADER));
  }

  /** Every value, in the order written, reading `readBytes` at a time (a longer record at once). */
  *values(readBytes = BLOCK): Generator<unknown> {
    this.flush();
    let carry = Buffer.alloc(0);
    for (let offset = 0; offset < this.size;) {
      // A record cut short at the end of the last read: read at least the rest of it.
      const needed = carry.length >= HEADER ? HEADER + carry.readUInt32LE(0) - carry.length : 0;
      const block = Buffer.allocUnsafe(Math.min(Math.max(readBytes, needed), this.size - offset));
      readAll(this.fd, block, offset);
      offset += block.length;
      const bytes = carry.length > 0 ? Buffer.concat([carry, block]) : block;
      let at = 0;
      while (at + HEADER <= bytes.length) {
        const length = bytes.readUInt32LE(at);
        if (at + HEADER + length > bytes.length) break;
        yield deserialize(bytes.subarray(at + HEADER, at + HEADER + length));
        at += HEADER + length;
      }
      carry = Buffer.from(bytes.subarray(at));
    }
    if (carry.length > 0) throw new Error(`${this.path}: the last record is cut short (${carry.length} bytes left)`);
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  /** Writes what `add` gathered. */
  flush(): void {
    if (this.pendingBytes === 0) return;
    writeAll(this.fd, this.block.subarray(0, this.pendingBytes), this.size - this.pendingBytes);
    this.pendingBytes = 0;
  }
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function readAll(fd: number, into: Buffer, position: number): void {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error('a spill file ends before the record it should hold');
    done += n;
  }
}

/** The folder of an import's spill files, inside `dir`; it names the process that owns it (`owner`), so a later run can tell it was left behind. */
export function makeSpillDir(dir: string): string {
  const spillDir = mkdtempSync(path.join(dir, SPILL_PREFIX));
  writeFileSync(path.join(spillDir, OWNER), `${process.pid}\n`);
  return spillDir;
}

const SPILL_PREFIX = '.offline-spill-';
const OWNER = 'owner';
/** A spill folder holding this file is a stopped import's checkpoint (`checkpoint.ts`): resumable, not stale. */
export const CHECKPOINT_FILE = 'checkpoint.json';

/** Makes this process the owner of a spill folder an earlier, stopped import left (to resume it). */
export function adoptSpillDir(spillDir: string): void {
  writeFileSync(path.join(spillDir, OWNER), `${process.pid}\n`);
}

/** A stopped import's spill folder that can be resumed: in `dir` (removed whole with it when `whole`), its owner no longer running. */
export interface ResumableSpill {
  spillDir: string;
  dir: string;
  whole: boolean;
}

/** The spill folders in `places` that hold a checkpoint and whose owner process no longer runs. */
export function resumableSpills(places: { dir: string; whole: boolean }[], alive: (pid: number) => boolean = processAlive): ResumableSpill[] {
  const found: ResumableSpill[] = [];
  for (const { dir, whole } of places) {
    for (const name of listDir(dir).filter((entry) => entry.startsWith(SPILL_PREFIX))) {
      const spillDir = path.join(dir, name);
      if (!existsSync(path.join(spillDir, CHECKPOINT_FILE))) continue;
      const pid = ownerOf(spillDir);
      if (pid !== undefined && !alive(pid)) found.push({ spillDir, dir, whole });
    }
  }
  return found;
}

function ownerOf(spillDir: string): number | undefined {
  const owner = path.join(spillDir, OWNER);
  if (!existsSync(owner)) return undefined;
  const pid = Number(readFileSync(owner, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A spill folder left behind, and what removing it freed. */
export interface StaleSpill {
  /** The folder removed (the spill folder, or the temporary folder holding it). */
  removed: string;
  pid: number;
  bytes: number;
}

/**
 * Removes the spill folders that imports stopped hard (killed, or a second Ctrl-C) left behind:
 * in each of `dirs`, a `.offline-spill-*` folder whose owner process no longer runs; `whole`
 * says to remove the folder holding it (a run's temporary folder, with its CSV files) instead of
 * the spill folder alone. A folder of a process that still runs, without an owner file, or holding
 * a checkpoint (a stopped import the next one resumes, `resumableSpills`) is left as it is.
 */
export function removeStaleSpills(places: { dir: string; whole: boolean }[], alive: (pid: number) => boolean = processAlive): StaleSpill[] {
  const removed: StaleSpill[] = [];
  for (const { dir, whole } of places) {
    for (const name of listDir(dir).filter((entry) => entry.startsWith(SPILL_PREFIX))) {
      const spillDir = path.join(dir, name);
      if (existsSync(path.join(spillDir, CHECKPOINT_FILE))) continue;
      const pid = ownerOf(spillDir);
      if (pid === undefined || alive(pid)) continue;
      const target = whole ? dir : spillDir;
      const bytes = sizeOf(target);
      rmSync(target, { recursive: true, force: true });
      removed.push({ removed: target, pid, bytes });
    }
  }
  return removed;
}

/** The temporary folders of offline imports (`prefix*` in `tmp`), each with the spill folder inside it. */
export function tempImportDirs(tmp: string, prefix: string): { dir: string; whole: boolean }[] {
  return listDir(tmp)
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ dir: path.join(tmp, name), whole: true }));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sizeOf(target: string): number {
  let bytes = 0;
  for (const name of listDir(target)) {
    const entry = path.join(target, name);
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) continue;
    bytes += stat.isDirectory() ? sizeOf(entry) : stat.size;
  }
  return bytes;
}
