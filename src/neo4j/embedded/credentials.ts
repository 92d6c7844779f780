import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded Neo4j's user; its password is the store's own, in `passwordFile`. */
export const EMBEDDED_USER = 'neo4j';

/** `<home>/password`: the embedded store's Neo4j password, readable by its owner only (0600). */
export const passwordFile = (homeDir: string) => path.join(homeDir, 'password');

/**
 * The store's password, made on first use: 32 random bytes, base64url, written with mode 0600
 * (and set back to 0600 if someone loosened it). The launcher reads it from the file, so it is
 * never on a command line, in the environment or in `running.json`.
 */
export function ensurePassword(homeDir: string): string {
  const file = passwordFile(homeDir);
  mkdirSync(homeDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readPassword(homeDir)!;
}

/** The store's password, or undefined when the store has none yet (or it cannot be read). */
export function readPassword(homeDir: string): string | undefined {
  try {
    return readFileSync(passwordFile(homeDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
