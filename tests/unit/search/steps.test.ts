// The engine built in steps (the kiosk page's build, a slice per idle moment) is the engine built at once: same
// answers, many small steps, and the same refusals of a bad index, from inside a step.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine, searchEngineInSteps } from '../../../src/core/search/engine.ts';
import { runSteps } from '../../../src/core/search/steps.ts';
import { fixtureData } from './fixture.ts';

describe('search engine built in steps', () => {
  const data = fixtureData();
  const searchIndex = buildSearchIndex(data);
  const withIndex = { ...data, searchIndex };

  it('yields between slices and answers as the engine built at once', () => {
    const steps = searchEngineInSteps(withIndex);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const stepped = r.value;
    // The index's lists, the indexes, the pinyin tables: each a step of its own at least.
    expect(yields).toBeGreaterThanOrEqual(8);
    const atOnce = createSearchEngine(withIndex);
    expect(stepped.docCount).toBe(atOnce.docCount);
    for (const q of ['低保', 'dibao', 'dbsq', '户口签移', '孩子上学要什么材料', 'pension']) {
      const ids = (e: typeof atOnce) => e.search(q, { limit: 30 }).results.map((x) => `${x.type}:${x.id}`);
      expect(ids(stepped), q).toEqual(ids(atOnce));
    }
  });

  it('refuses a bad list element, another version and stale documents from within its steps', () => {
    const badKind = {
      ...searchIndex,
      vocab: { ...searchIndex.vocab, kind: ['x', ...searchIndex.vocab.kind] },
    };
    expect(() => runSteps(searchEngineInSteps({ ...data, searchIndex: badKind }))).toThrow(
      /search index: missing or malformed/,
    );
    const badChars = { ...searchIndex, chars: { ...searchIndex.chars, zzz: 42 } };
    expect(() => runSteps(searchEngineInSteps({ ...data, searchIndex: badChars }))).toThrow(
      /missing or malformed/,
    );
    expect(() => runSteps(searchEngineInSteps({ ...data, searchIndex: { ...searchIndex, v: 2 } }))).toThrow(
      /version 2 is not supported/,
    );
    expect(() =>
      runSteps(searchEngineInSteps({ ...withIndex, catalogue: withIndex.catalogue.slice(1) })),
    ).toThrow(/different documents/);
    // createSearchEngine says the same, at once.
    expect(() => createSearchEngine({ ...data, searchIndex: badKind })).toThrow(/missing or malformed/);
  });
});
