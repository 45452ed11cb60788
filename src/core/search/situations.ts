// What visitors say happened to them (老伴走了, 爸妈出去打工了孩子没人管), read against the situations the bundle
// carries (lexicon/situations.tsv): a situation holds when every one of its cue groups is said somewhere in the
// query, in any order. Looked up by each cue word's first character, so a query costs a scan of its own characters.
import type { SituationEntry } from './format.ts';
import { normalizeText } from './text.ts';

export interface SaidSituation {
  /** The services the situation points to, as the catalogue names them. */
  official: readonly string[];
  /** The cue words the query said, one per group (the longest). */
  said: string[];
}

interface Cue {
  word: string;
  situation: number;
  group: number;
}

export class SituationIndex {
  private readonly byFirst = new Map<string, Cue[]>();
  private readonly official: string[][] = [];
  private readonly groups: number[] = [];

  constructor(entries: readonly SituationEntry[]) {
    entries.forEach((e, situation) => {
      this.official.push(e.official.map((o) => normalizeText(o).replace(/\s+/g, '')).filter(Boolean));
      this.groups.push(e.cues.length);
      e.cues.forEach((alts, group) => {
        for (const alt of alts) {
          const word = normalizeText(alt).replace(/\s+/g, '');
          if (!word) continue;
          const list = this.byFirst.get(word[0]!);
          const cue = { word, situation, group };
          if (list) list.push(cue);
          else this.byFirst.set(word[0]!, [cue]);
        }
      });
    });
  }

  get size(): number {
    return this.official.length;
  }

  /** The situations every cue group of which the text says. */
  match(text: string): SaidSituation[] {
    if (!this.byFirst.size) return [];
    let said: Map<number, string[]> | null = null;
    for (let i = 0; i < text.length; i++) {
      const cues = this.byFirst.get(text[i]!);
      if (!cues) continue;
      for (const cue of cues) {
        if (!text.startsWith(cue.word, i)) continue;
        said ??= new Map();
        let words = said.get(cue.situation);
        if (!words) said.set(cue.situation, (words = new Array<string>(this.groups[cue.situation]!)));
        const prev = words[cue.group];
        if (!prev || prev.length < cue.word.length) words[cue.group] = cue.word;
      }
    }
    const out: SaidSituation[] = [];
    if (!said) return out;
    for (const [situation, words] of said) {
      let all = true;
      for (let g = 0; g < words.length; g++) if (!words[g]) all = false;
      if (all && this.official[situation]!.length)
        out.push({ official: this.official[situation]!, said: words });
    }
    return out;
  }
}
