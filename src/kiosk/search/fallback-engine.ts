// A plain substring search with synonym expansion, used only while src/core/search/engine.ts is absent.
import type { BundleData } from '../../core/bundle/schema.ts';
import type { SearchEngine, SearchHit } from './types.ts';

export function createFallbackEngine(data: BundleData): SearchEngine {
  const docs: { hit: Omit<SearchHit, 'score'>; name: string; text: string }[] = [
    ...data.catalogue.map((i) => {
      const name = [i.level1, i.level2, i.level3].filter(Boolean).join(' ');
      return {
        hit: {
          type: 'item' as const,
          id: i.id,
          title: name,
          domain: i.domain,
          level1: i.level1,
          level2: i.level2,
          level3: i.level3,
        },
        name,
        text: [i.domain, i.content, i.publisher].join(' '),
      };
    }),
    ...data.guides.map((g) => ({
      hit: { type: 'guide' as const, id: g.id, title: g.title, domain: g.domain },
      name: g.title,
      text: [g.domain, g.department, ...Object.values(g.sections)].join(' '),
    })),
    ...data.interpretations.map((p) => ({
      hit: { type: 'interpretation' as const, id: p.id, title: p.title, domain: p.domain },
      name: p.title,
      text: [p.domain, p.department, p.policy, p.summary].join(' '),
    })),
  ];
  return {
    search(query, opts) {
      const q = query.trim();
      if (!q) return { results: [] };
      const terms = [q, ...data.synonyms.filter((s) => q.includes(s.term)).flatMap((s) => s.official)];
      const results: SearchHit[] = [];
      for (const d of docs) {
        let score = 0;
        for (const term of terms) {
          if (d.name === term) score = Math.max(score, 3);
          else if (d.name.includes(term)) score = Math.max(score, 2);
          else if (d.text.includes(term)) score = Math.max(score, 1);
        }
        if (score > 0) results.push({ ...d.hit, score });
      }
      results.sort((a, b) => b.score - a.score);
      return { results: results.slice(0, opts?.limit ?? 50) };
    },
  };
}
