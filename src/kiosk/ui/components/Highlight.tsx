// Marks the parts of a text that match the query: the engine's spans, else runs of the query's characters.

type Range = [number, number];

interface Props {
  text: string;
  query: string;
  /** From the engine: [start, end) UTF-16 offsets into `text`. */
  highlights?: readonly Range[];
}

/** Runs of at least two characters of the text that also occur in the query (or the whole one-character query). */
function rangesFromQuery(text: string, query: string): Range[] {
  const chars = new Set([...query.trim().toLowerCase()].filter((c) => c.trim()));
  if (chars.size === 0) return [];
  const min = chars.size === 1 ? 1 : 2;
  const out: Range[] = [];
  let start = -1;
  const lower = text.toLowerCase();
  for (let i = 0; i <= lower.length; i++) {
    const hit = i < lower.length && chars.has(lower[i]!);
    if (hit && start < 0) start = i;
    if (!hit && start >= 0) {
      if (i - start >= min) out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

export function highlightRanges(text: string, query: string, highlights?: readonly Range[]): Range[] {
  const ranges = (highlights?.length ? highlights : rangesFromQuery(text, query))
    .map(([s, e]): Range => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

export function Highlight({ text, query, highlights }: Props) {
  const ranges = highlightRanges(text, query, highlights);
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
