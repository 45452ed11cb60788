// The sample district's existing relevance cases (tests/unit/search/relevance-cases.ts) in the yardstick's terms:
// their matcher syntax read into answers over DocFacts, their kinds into query classes. All of them are dev: the
// engine has been tuned on them.
import { CASES, type QueryKind } from '../unit/search/relevance-cases.ts';
import type { SourceData } from './catalogues.ts';
import { answerMatcher, type DocFacts, type QueryClass } from './queries.ts';
import type { ScoredQuery } from './score.ts';

const CLASS_OF: Record<QueryKind, QueryClass> = {
  exact: 'exact',
  pinyin: 'pinyin',
  initials: 'initials',
  mixed: 'mixed',
  homophone: 'homophone',
  typo: 'typo',
  synonym: 'colloquial',
  question: 'question',
  department: 'department',
};

function sampleMatcher(spec: string, data: SourceData): (d: DocFacts) => boolean {
  const i = spec.indexOf(':');
  const kind = spec.slice(0, i);
  const arg = spec.slice(i + 1);
  switch (kind) {
    case 'name':
      return (d) => (d.type === 'item' ? d.levels.includes(arg) : d.title === arg);
    case 'l1':
      return (d) => d.type === 'item' && d.levels[0] === arg;
    case 'leaf':
      return (d) => d.type === 'item' && d.levels.at(-1) === arg;
    case 'topic':
      return (d) => (d.type === 'item' ? d.levels[0] === arg : d.title.includes(arg));
    case 'g':
      return (d) => d.type === 'guide' && d.id === arg;
    case 'has':
    case 'domain':
    case 'dept':
      return answerMatcher(spec, data);
    default:
      throw new Error(`unknown sample matcher ${spec}`);
  }
}

export function sampleQueries(data: SourceData): ScoredQuery[] {
  return CASES.map((c) => {
    const matchers = c.want.map((w) => sampleMatcher(w, data));
    return { cls: CLASS_OF[c.kind], q: c.q, accept: (d) => matchers.some((m) => m(d)) };
  });
}
