// When a result row may keep what it shows: the comparison behind the memoised rows of SearchResults.
import type { SearchHit } from '../../search/types.ts';

/** On a wide screen: the key of the previewed result, and what a tap on a result does instead of opening it. */
export interface Selection {
  key: string | null;
  select: (hit: SearchHit) => void;
}

export interface ResultLinkProps {
  hit: SearchHit;
  /** Only read when the engine sent no highlights (the marks then come from the query's characters). */
  query: string;
  /** Whether the wide screen's preview shows this row's document (aria-current). */
  current: boolean;
  selection: Selection | null;
  /** The interface language: the validity tag is written in it. */
  lang: string;
}

const sameRanges = (a: SearchHit['highlights'], b: SearchHit['highlights']) =>
  a === b || (a.length === b.length && a.every(([s, e], i) => b[i]![0] === s && b[i]![1] === e));

/**
 * A row whose document, marks and state are what it already shows is not rendered again: typing on mostly keeps
 * the same documents with the same marks, and each row is a dozen nodes for the keystroke's task to compare.
 */
export function sameRow(a: ResultLinkProps, b: ResultLinkProps): boolean {
  const x = a.hit;
  const y = b.hit;
  return (
    x.type === y.type &&
    x.id === y.id &&
    x.title === y.title &&
    x.domain === y.domain &&
    x.validity === y.validity &&
    sameRanges(x.highlights, y.highlights) &&
    (x.highlights.length > 0 || a.query === b.query) &&
    a.current === b.current &&
    !a.selection === !b.selection &&
    a.lang === b.lang
  );
}
