import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * HotSpot's performance counters: every JVM (unless started with -XX:-UsePerfData) keeps them in
 * a memory-mapped file, /tmp/hsperfdata_<user>/<pid>, which `jstat` reads. Reading the file costs
 * the JVM nothing, unlike a JMX query through Cypher, so the bench samples a JVM's heap from it.
 *
 * The file (format 2.0): a header (magic 0xcafec0c0 big-endian, then its byte order: 0 big, 1
 * little; version; at byte 24 the offset of the first entry and at 28 the number of entries),
 * then entries, each: its length, the offset of its name, its vector length (0 for a scalar),
 * its type ('J' a 64-bit integer, 'B' bytes: a string), flags, units, variability, and at 16 the
 * offset of its data (offsets from the entry's start).
 */
const MAGIC = 0xcafec0c0;

/** The counters of an hsperfdata file: 64-bit scalars as numbers, byte vectors as strings (up to their first NUL). Null when it is not one. Pure. */
export function parseHsperf(data: Buffer): Map<string, number | string> | null {
  if (data.length < 32 || data.readUInt32BE(0) !== MAGIC) return null;
  const little = data[4] === 1;
  const int = (at: number) => (little ? data.readInt32LE(at) : data.readInt32BE(at));
  const long = (at: number) => Number(little ? data.readBigInt64LE(at) : data.readBigInt64BE(at));
  const text = (at: number, end: number) => {
    const nul = data.indexOf(0, at);
    return data.toString('latin1', at, nul < 0 || nul > end ? end : nul);
  };
  const counters = new Map<string, number | string>();
  let at = int(24);
  for (let i = int(28); i > 0 && at + 20 <= data.length; i -= 1) {
    const length = int(at);
    if (length <= 0) break;
    const name = text(at + int(at + 4), at + length);
    const vector = int(at + 8);
    const type = String.fromCharCode(data[at + 12]!);
    const value = at + int(at + 16);
    if (type === 'J' && vector === 0 && value + 8 <= data.length) counters.set(name, long(value));
    else if (type === 'B') counters.set(name, text(value, Math.min(data.length, value + vector)));
    at += length;
  }
  return counters;
}

/** Bytes of heap in use: the sum of every space's `used` (eden, survivors, old generation). Null without them. Pure. */
export function heapUsedOfCounters(counters: Map<string, number | string>): number | null {
  let used: number | null = null;
  for (const [name, value] of counters) {
    if (/^sun\.gc\.generation\.\d+\.space\.\d+\.used$/.test(name) && typeof value === 'number') used = (used ?? 0) + value;
  }
  return used;
}

/** Heap in use (bytes) of the JVM `pid`, from its hsperfdata file; null when there is none (not a HotSpot JVM, gone, or counters off). */
export function jvmHeapUsed(pid: number): number | null {
  try {
    const counters = parseHsperf(readFileSync(`/tmp/hsperfdata_${os.userInfo().username}/${pid}`));
    return counters ? heapUsedOfCounters(counters) : null;
  } catch {
    return null;
  }
}
