// The engine's stages over the unit fixture, for tests of one stage at a time.
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { Corpus } from '../../../src/core/search/corpus.ts';
import { parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { Ranking } from '../../../src/core/search/rank.ts';
import type { SearchResponse } from '../../../src/core/search/results.ts';
import { Retrieval } from '../../../src/core/search/retrieve.ts';
import { Suggestions } from '../../../src/core/search/suggest.ts';
import { Understanding } from '../../../src/core/search/understand.ts';
import { fixtureData } from './fixture.ts';

export const TEST_LEXICON = parseLexicon(
  [
    'domain\tofficial\tcolloquial\ten',
    '社会救助\t特困人员救助供养\t五保户|五保\tsupport for persons in extreme poverty',
    '社会保险\t企业职工基本养老保险\t退休金\tpension',
    '保障性住房\t公共租赁住房\t公租房|经适房\tpublic rental housing',
  ].join('\n'),
);

export function stages(data = fixtureData(), lexicon = TEST_LEXICON) {
  const corpus = new Corpus({ ...data, searchIndex: buildSearchIndex(data, { lexicon }) });
  return {
    data,
    corpus,
    understanding: new Understanding(corpus),
    retrieval: new Retrieval(corpus),
    ranking: new Ranking(corpus),
    suggestions: new Suggestions(corpus),
  };
}

export function emptyResponse(query: string): SearchResponse {
  return { query, results: [], total: 0, didYouMean: [], rewritten: [] };
}
