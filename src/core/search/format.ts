// The search index file (data/search-index.json), written by the bundle tool and read by the kiosk and the CLI.
// Versioned so a kiosk refuses an index it does not understand instead of answering wrongly.
import { z } from 'zod';

export const SEARCH_INDEX_VERSION = 1;

/** Kinds of vocabulary term (the small list matched by pinyin and fuzzy matching). */
export const VOCAB_KINDS = ['name', 'guide', 'department', 'synonym', 'official', 'domain'] as const;
export type VocabKind = (typeof VOCAB_KINDS)[number];
export const VOCAB_KIND: Record<VocabKind, number> = Object.fromEntries(
  VOCAB_KINDS.map((k, i) => [k, i]),
) as Record<VocabKind, number>;

export const InvertedIndexSchema = z.object({
  /** Tokens separated by single spaces (tokens never contain a space), sorted. */
  terms: z.string(),
  /** Posting lists, space separated, one per term (varint.ts): short index `docDelta mask` pairs, body `docDelta`. */
  postings: z.string(),
});

export const LexiconPairSchema = z.object({
  term: z.string().min(1).max(100),
  official: z.array(z.string().min(1).max(100)).min(1),
});

/** One lexicon row's colloquial terms whose official terms this catalogue words otherwise. */
export const LexiconHintSchema = z.object({
  /** The bundle's own name of the domain the lexicon files the row under. */
  domain: z.string().min(1).max(100),
  official: z.array(z.string().min(1).max(100)).min(1),
  terms: z.array(z.string().min(1).max(100)).min(1),
});

/** What visitors say happened (老伴+去世) and the services it points to (lexicon/situations.ts). */
export const SituationEntrySchema = z.object({
  official: z.array(z.string().min(1).max(100)).min(1).max(4),
  /** Groups of alternatives; every group must be said. */
  cues: z
    .array(z.array(z.string().min(1).max(20)).min(1).max(200))
    .min(2)
    .max(4),
});
export type SituationEntry = z.infer<typeof SituationEntrySchema>;

export type LexiconHintEntry = z.infer<typeof LexiconHintSchema>;

export const SearchIndexFileSchema = z.object({
  v: z.literal(SEARCH_INDEX_VERSION),
  /** Which documents the index was built for (docs.ts order); the engine refuses a mismatch. */
  docs: z.object({
    items: z.number().int().nonnegative(),
    guides: z.number().int().nonnegative(),
    interpretations: z.number().int().nonnegative(),
    hash: z.string(),
  }),
  /** Short-field names in mask-bit order, for readers of the file. */
  fields: z.array(z.string()),
  short: InvertedIndexSchema,
  body: InvertedIndexSchema,
  /** Vocabulary, columnar: text, toneless pinyin syllables separated by spaces, kind, number of documents. */
  vocab: z.object({
    text: z.array(z.string()),
    py: z.array(z.string()),
    kind: z.array(z.number().int()),
    n: z.array(z.number().int()),
  }),
  /** Toneless pinyin syllable (ü as v) → every character read that way (a polyphonic character is listed under each). */
  chars: z.record(z.string(), z.string()),
  /**
   * Syllable → the polyphonic characters whose usual reading it is (行 under xing, 校 under xiao): input methods offer
   * a character under its usual reading, which a homophone typo follows. Absent in older bundles.
   */
  usual: z.record(z.string(), z.string()).optional(),
  /**
   * The built-in lexicon's pairs that reach at least one document of this bundle (lexicon/), carried here so the
   * kiosk loads it with the search index in the worker, never with the first paint. Absent in older bundles.
   */
  lexicon: z
    .object({
      /** The lexicon file's format version and content hash, to tell which lexicon a bundle was built with. */
      v: z.number().int().positive(),
      hash: z.string(),
      /** Colloquial term → official terms. */
      terms: z.array(LexiconPairSchema),
      /** English name (lower case) → official terms. */
      en: z.array(LexiconPairSchema),
      /**
       * Pairs whose official terms this catalogue words otherwise (偷税漏税 → 涉税违法举报 where the row says
       * 税收违法行为检举), of a domain the bundle has: a clue within that domain. Absent in older bundles.
       */
      hints: z.array(LexiconHintSchema).optional(),
      /** Situations whose services this catalogue holds. Absent in older bundles. */
      situations: z.array(SituationEntrySchema).optional(),
    })
    .optional(),
});
export type SearchIndexFile = z.infer<typeof SearchIndexFileSchema>;

/**
 * The index with its long lists only checked to be lists: the engine's stepwise build (corpus.ts) checks their
 * elements a slice at a time against the same schema.
 */
const list = z.custom<unknown[]>((v) => Array.isArray(v), 'expected an array');
export const SearchIndexHeadSchema = SearchIndexFileSchema.extend({
  vocab: z.object({ text: list, py: list, kind: list, n: list }),
  chars: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object',
  ),
  lexicon: z
    .object({
      v: z.number().int().positive(),
      hash: z.string(),
      terms: list,
      en: list,
      hints: list.optional(),
      situations: list.optional(),
    })
    .optional(),
});
