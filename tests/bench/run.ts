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
// A filter selects the suites whose file name starts with it: `search` runs search.bench.ts alone (not
// kiosk-search), `relevance` both relevance benches.
const modules = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.startsWith(x)))
  .sort();

let failed = false;
for (const file of modules) {
  const suite = file.replace(/\.bench\.ts$/, '');
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
