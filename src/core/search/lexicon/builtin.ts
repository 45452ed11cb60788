// The built-in lexicon and situations files, read once per process by the bundle tool (Node only: the kiosk
// receives what its bundle needs inside the search index, see build-index.ts).
import { existsSync, readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from './parse.ts';
import { parseSituations, type SituationTable } from './situations.ts';

const LEXICON_URL = new URL('./lexicon.tsv', import.meta.url);
const SITUATIONS_URL = new URL('./situations.tsv', import.meta.url);

let cached: Lexicon | null = null;
let cachedSituations: SituationTable | null = null;

/** The parsed built-in lexicon; throws a LexiconError (file:line:column) if the data file is malformed. */
export function builtinLexicon(): Lexicon {
  return (cached ??= parseLexicon(readFileSync(LEXICON_URL, 'utf8'), 'src/core/search/lexicon/lexicon.tsv'));
}

/** The parsed built-in situations table; throws a LexiconError (file:line:column) if it is malformed. */
export function builtinSituations(): SituationTable {
  return (cachedSituations ??= existsSync(SITUATIONS_URL)
    ? parseSituations(readFileSync(SITUATIONS_URL, 'utf8'), 'src/core/search/lexicon/situations.tsv')
    : { hash: '', situations: [], classes: new Map() });
}
