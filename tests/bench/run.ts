// `npm run bench [-- NAME…]`: runs every tests/bench/*.bench.ts (or those whose name matches) and prints one
// JSON line per figure. Budgets are compared here, in print, never asserted in unit tests.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  [extra: string]: unknown;
}
export type Emit = (figure: BenchFigure) => void;

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const all = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts'));
const suiteOf = (f: string) => f.replace(/\.bench\.ts$/, '');
// A filter that names a suite exactly runs that suite alone (`search`, not kiosk-search too); any other filter
// runs every suite whose file name holds it.
const names = new Set(all.map(suiteOf));
const modules = all
  .filter((f) => !filters.length || filters.some((x) => (names.has(x) ? suiteOf(f) === x : f.includes(x))))
  .sort();

let failed = false;
for (const file of modules) {
  const suite = suiteOf(file);
  const emit: Emit = (figure) => console.log(JSON.stringify({ suite, ...figure }));
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
      default: (emit: Emit) => Promise<void>;
    };
    await mod.default(emit);
  } catch (e) {
    failed = true;
    console.log(JSON.stringify({ suite, error: (e as Error).stack ?? String(e) }));
  }
}
process.exitCode = failed ? 1 : 0;
