// Adds new queries to a catalogue's query files, each to the file holdoutOf() assigns it (dev or holdout), so
// nobody chooses which queries are held out. Queries already present in either file are refused.
// Run: npx tsx tests/relevance/add-queries.ts <catalogue> <new-queries.tsv>
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { holdoutOf, parseQueries, queryFile, readQueries, type QuerySet } from './queries.ts';

const [catalogue, input] = process.argv.slice(2);
if (!catalogue || !input) {
  console.error('usage: add-queries.ts <catalogue> <new-queries.tsv>');
  process.exit(2);
}
const HEADER = (set: QuerySet) =>
  `# ${catalogue} relevance queries (${set}); format in tests/relevance/queries.ts. class\tquery\tanswers\n`;
const sets: QuerySet[] = ['dev', 'holdout'];
for (const set of sets)
  if (!existsSync(queryFile(catalogue, set))) writeFileSync(queryFile(catalogue, set), HEADER(set));
const known = new Set(sets.flatMap((set) => readQueries(catalogue, set).map((x) => x.q)));
const counts = { dev: 0, holdout: 0 };
for (const x of parseQueries(readFileSync(input, 'utf8'), input)) {
  if (known.has(x.q)) throw new Error(`${x.at}: ${x.q} is already in ${catalogue}'s queries`);
  known.add(x.q);
  const set: QuerySet = holdoutOf(catalogue, x.q) ? 'holdout' : 'dev';
  appendFileSync(queryFile(catalogue, set), `${x.cls}\t${x.q}\t${x.answers.join(' | ')}\n`);
  counts[set]++;
}
console.log(`${catalogue}: ${counts.dev} dev, ${counts.holdout} holdout`);
