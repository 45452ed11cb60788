// The bundle's own words for the pinyin keyboard: the search index's vocabulary (item names, department names,
// synonym terms, with their readings) read from the live bundle, so 低保 and 民政局 come before single characters.
import { VOCAB_KINDS } from '../../core/search/format.ts';
import { BundleDb } from '../db/bundle-db.ts';
import { loadIme } from './controller.ts';
import { phrasesFromVocab } from './ime.ts';

interface IndexLike {
  vocab?: { text: string[]; py: string[]; kind: number[]; n: number[] };
  chars?: Record<string, string>;
}

let loaded: string | null = null;

/** Fills in readings the vocabulary lacks from the index's syllable → characters table (first reading). */
function withReadings(index: IndexLike): NonNullable<IndexLike['vocab']> {
  const vocab = index.vocab!;
  if (!index.chars || vocab.py.every(Boolean)) return vocab;
  const byChar = new Map<string, string>();
  for (const [syl, list] of Object.entries(index.chars))
    for (const ch of list) if (!byChar.has(ch)) byChar.set(ch, syl);
  const py = vocab.text.map(
    (text, i) => vocab.py[i] || [...text].map((ch) => byChar.get(ch) ?? '?').join(' '),
  );
  return { ...vocab, py };
}

export async function loadVocabulary(dbName: string): Promise<number> {
  if (loaded === dbName) return (await loadIme()).phraseCount;
  loaded = dbName;
  const db = new BundleDb(dbName);
  try {
    const index = (await db.getInfo('searchIndex')) as IndexLike | undefined;
    if (!index?.vocab) return 0;
    const ime = await loadIme();
    ime.setPhrases(phrasesFromVocab(withReadings(index), VOCAB_KINDS));
    return ime.phraseCount;
  } catch (e) {
    loaded = null;
    console.warn(`keyboard vocabulary: ${(e as Error).message}`);
    return 0;
  } finally {
    db.close();
  }
}
