// The built-in lexicon file, read once per process by the bundle tool (Node only: the kiosk receives the pairs its
// bundle needs inside the search index, see build-index.ts).
import { readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from './parse.ts';

const LEXICON_URL = new URL('./lexicon.tsv', import.meta.url);

let cached: Lexicon | null = null;

/** The parsed built-in lexicon; throws a LexiconError (file:line:column) if the data file is malformed. */
export function builtinLexicon(): Lexicon {
  return (cached ??= parseLexicon(readFileSync(LEXICON_URL, 'utf8'), 'src/core/search/lexicon/lexicon.tsv'));
}
