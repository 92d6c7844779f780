import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` beside this file: built, `<name>.js` as it is; from
 * source (tsx), a worker thread does not inherit tsx's loader, so it registers it before
 * importing `<name>.ts`.
 */
export function startWorker(name: string): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url));
  const workerData = { tsx: tsxApi(), worker: new URL(`./${name}.ts`, import.meta.url).href };
  const code = 'const { workerData } = require("node:worker_threads"); import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.worker); });';
  return new Worker(code, { eval: true, workerData });
}

/** Where tsx's loader API is (a test runner may not offer `import.meta.resolve`: then as the worker resolves it from the working folder). */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}
