// 公开对象 / 公开方式 / 公开层级: either one tick column per option (全社会 | 特定群体) or a single column that
// names the options (全社会、特定群体).
import type { Audience, Disclosure, Tier } from '../../core/bundle/schema.ts';
import { parseOptions, parseTick } from './cells.ts';
import type { Column, Field } from './headers.ts';

interface Choice<T extends string> {
  /** The one-column form's field (audience); leaf fields map to their value. */
  valueField: Field;
  leaves: Partial<Record<Field, T>>;
  options: readonly { value: T; words: readonly string[] }[];
}

export const AUDIENCE: Choice<Audience> = {
  valueField: 'audience',
  leaves: { audiencePublic: 'public', audienceSpecific: 'specific' },
  options: [
    { value: 'public', words: ['全社会', '社会公众', '公众'] },
    { value: 'specific', words: ['特定群体', '特定对象'] },
  ],
};
export const DISCLOSURE: Choice<Disclosure> = {
  valueField: 'disclosure',
  leaves: { proactive: 'proactive', onRequest: 'onRequest' },
  options: [
    { value: 'proactive', words: ['主动', '主动公开'] },
    { value: 'onRequest', words: ['依申请', '依申请公开'] },
  ],
};
export const TIER: Choice<Tier> = {
  valueField: 'tier',
  leaves: { district: 'district', township: 'township' },
  options: [
    { value: 'district', words: ['区级', '县级', '区(县)级', '区（县）级'] },
    { value: 'township', words: ['乡级', '镇级', '乡镇级', '乡（镇）级', '镇（街道）级', '乡镇（街道）级'] },
  ],
};

export const choiceFields = (choice: Choice<string>): Field[] => [
  ...(Object.keys(choice.leaves) as Field[]),
  choice.valueField,
];

/** The options a row selects, in canonical order, plus the cells we could not read. */
export function readChoice<T extends string>(
  choice: Choice<T>,
  cells: readonly { col: Column; text: string }[],
): { values: T[]; bad: { col: Column; message: string }[] } {
  const found = new Set<T>();
  const bad: { col: Column; message: string }[] = [];
  for (const { col, text } of cells) {
    if (col.field === choice.valueField) {
      const parsed = parseOptions(text, choice.options);
      parsed.values.forEach((v) => found.add(v));
      if (parsed.unknown.length) {
        bad.push({ col, message: `无法识别的内容：${parsed.unknown.join('、')} (unrecognised value)` });
      }
      continue;
    }
    const ticked = parseTick(text);
    if (ticked === null)
      bad.push({ col, message: `无法识别的勾选标记“${text}”：请用 √ 或留空 (unrecognised tick)` });
    else if (ticked) found.add(choice.leaves[col.field]!);
  }
  return { values: choice.options.map((o) => o.value).filter((v) => found.has(v)), bad };
}
