import { describe, expect, it } from 'vitest';
import { sameRow, type ResultLinkProps } from '../../../src/kiosk/ui/components/result-row.ts';
import type { SearchHit } from '../../../src/kiosk/search/types.ts';

const hit = (over: Partial<SearchHit> = {}): SearchHit =>
  ({
    type: 'item',
    id: 'i-1',
    title: '最低生活保障 审核确认',
    domain: '社会救助',
    highlights: [[2, 4]],
    ...over,
  }) as SearchHit;

const row = (over: Partial<ResultLinkProps> = {}): ResultLinkProps => ({
  hit: hit(),
  query: '低保',
  current: false,
  selection: null,
  lang: 'zh-CN',
  ...over,
});

describe('a result row kept as it is on a new answer (sameRow)', () => {
  it('is kept when the next answer shows the same document with the same marks', () => {
    // A new answer brings new objects: equal by value, not by identity.
    expect(sameRow(row(), row({ hit: hit(), query: '低保怎么' }))).toBe(true);
  });

  it('is drawn again when anything it shows changes', () => {
    const changes: Partial<ResultLinkProps>[] = [
      { hit: hit({ id: 'i-2' }) },
      { hit: hit({ type: 'guide' }) },
      { hit: hit({ title: '最低生活保障 资金发放' }) },
      { hit: hit({ domain: '社会保险' }) },
      { hit: hit({ validity: 'repealed' } as Partial<SearchHit>) },
      { hit: hit({ highlights: [[2, 5]] }) },
      {
        hit: hit({
          highlights: [
            [2, 4],
            [6, 8],
          ],
        }),
      },
      { current: true },
      { selection: { key: null, select: () => {} } },
      // The validity tag is written in the interface language.
      { lang: 'en' },
    ];
    for (const change of changes) expect(sameRow(row(), row(change)), JSON.stringify(change)).toBe(false);
  });

  it('without the engine marks, follows the query (the marks then come from its characters)', () => {
    const bare = hit({ highlights: [] });
    expect(sameRow(row({ hit: bare }), row({ hit: hit({ highlights: [] }), query: '低保' }))).toBe(true);
    expect(sameRow(row({ hit: bare }), row({ hit: hit({ highlights: [] }), query: '低保金' }))).toBe(false);
  });
});
