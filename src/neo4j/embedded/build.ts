import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launcherDir } from '../../shared/paths.js';

export const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
export const classesDir = path.join(launcherDir, 'target', 'classes');
/** Written after a successful build; Maven leaves classpath.txt untouched when nothing changed. */
const stampFile = path.join(launcherDir, 'target', 'built.stamp');

export class Neo4jUnavailableError extends Error {}

/** Sources whose change means the launcher must be built again. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return [path.join(launcherDir, 'pom.xml'), ...walk(path.join(launcherDir, 'src'))];
}

export function isBuilt(): boolean {
  if (!existsSync(stampFile) || !existsSync(classpathFile) || !existsSync(path.join(classesDir, 'casegraph', 'neo4j', 'EmbeddedNeo4j.class'))) return false;
  const builtAt = statSync(stampFile).mtimeMs;
  return sources().every((file) => statSync(file).mtimeMs <= builtAt);
}

export function commandExists(command: string, args = ['-version']): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Resolves Neo4j from Maven Central and compiles the launcher, once. Maven's output goes to
 * stderr so the first, slow download is visible; later starts only read classpath.txt.
 */
export async function ensureBuilt(say: (message: string) => void): Promise<void> {
  if (isBuilt()) return;
  if (!commandExists('mvn', ['-v'])) {
    throw new Neo4jUnavailableError('Maven (mvn) is needed once to fetch Neo4j from Maven Central, and it is not installed.');
  }
  say('Building the embedded Neo4j 5.26 launcher: Maven downloads about 45 MB from Maven Central the first time (a minute or so)…');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-f', path.join(launcherDir, 'pom.xml'), 'compile'], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code === 0) writeFileSync(stampFile, new Date().toISOString());
  if (code !== 0 || !isBuilt()) {
    throw new Neo4jUnavailableError(`building the embedded Neo4j launcher failed (mvn exit code ${code}); see Maven's output above`);
  }
  say('Embedded Neo4j launcher built.');
}
