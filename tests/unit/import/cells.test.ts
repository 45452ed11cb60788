import { describe, expect, it } from 'vitest';
import {
  hasBoxes,
  parseChannels,
  parseOptions,
  parseSelection,
  parseStages,
  parseTick,
} from '../../../src/cli/import/cells.ts';

describe('parseTick', () => {
  it.each(['√', '✓', '✔', '☑', '■', '是', 'Y', 'y', 'yes', 'YES', ' √ ', 'TRUE'])(
    'reads %j as ticked',
    (t) => {
      expect(parseTick(t)).toBe(true);
    },
  );
  it.each(['', '  ', '□', '☐', '否', 'N', 'no', '×', 'FALSE'])('reads %j as not ticked', (t) => {
    expect(parseTick(t)).toBe(false);
  });
  it.each(['部分', '?', '√√x', '1'])('does not guess at %j', (t) => {
    expect(parseTick(t)).toBeNull();
  });
});

describe('parseSelection / parseChannels', () => {
  it('keeps only ticked boxes, in order', () => {
    expect(parseSelection('■政府网站 □政府公报 ☑两微一端 √公开查阅点 ☐广播电视')).toEqual([
      '政府网站',
      '两微一端',
      '公开查阅点',
    ]);
  });

  it('reads the 泉港 template cell: boxes glued together and labels wrapped over lines', () => {
    const cell =
      '■政府网站 □政府公报\n■两微一端 □发布会/听证会\n□广播电视 ■纸质载体\n■公开查阅点■政府服务中心\n□便民服务站 □入户/现场\n■社区/企事业单位/村公示栏\n（电子屏）\n□精准推送 ■其他_____';
    expect(parseChannels(cell)).toEqual([
      '政府网站',
      '两微一端',
      '纸质载体',
      '公开查阅点',
      '政府服务中心',
      '社区/企事业单位/村公示栏（电子屏）',
      '其他',
    ]);
  });

  it('reads a cell without boxes as a list on 、，,；; and new lines', () => {
    expect(
      parseChannels('政府网站、两微一端，公开查阅点,便民服务站；纸质媒介;政务服务中心\n入户/现场'),
    ).toEqual(['政府网站', '两微一端', '公开查阅点', '便民服务站', '纸质媒介', '政务服务中心', '入户/现场']);
  });

  it('de-duplicates, trims and drops the blank after 其他', () => {
    expect(parseChannels(' 政府网站 、政府网站、其他____ 、 ')).toEqual(['政府网站', '其他']);
    expect(parseChannels('■政府网站 ■政府网站 ■其他＿＿＿')).toEqual(['政府网站', '其他']);
    expect(parseChannels('■其他：村务微信群')).toEqual(['其他：村务微信群']);
  });

  it('gives nothing for all-unticked boxes or an empty cell', () => {
    expect(parseChannels('□政府网站 □两微一端')).toEqual([]);
    expect(parseChannels('')).toEqual([]);
    expect(hasBoxes('政府网站')).toBe(false);
    expect(hasBoxes('☐政府网站')).toBe(true);
  });
});

describe('parseStages', () => {
  it('maps ticked boxes to stages in canonical order', () => {
    expect(parseStages('□决策\n□执行\n■管理\n□服务\n■结果')).toEqual({
      stages: ['management', 'result'],
      unknown: [],
    });
    expect(parseStages('☑结果 ☑决策 ☐执行')).toEqual({ stages: ['decision', 'result'], unknown: [] });
    expect(parseStages('√服务 □结果')).toEqual({ stages: ['service'], unknown: [] });
  });

  it('reads a plain list, with or without 公开', () => {
    expect(parseStages('执行公开、决策')).toEqual({ stages: ['decision', 'execution'], unknown: [] });
  });

  it('reports labels that are not stages', () => {
    expect(parseStages('■决策 ■审批')).toEqual({ stages: ['decision'], unknown: ['审批'] });
  });
});

describe('parseOptions', () => {
  const options = [
    { value: 'public', words: ['全社会'] },
    { value: 'specific', words: ['特定群体'] },
  ] as const;
  it('reads a one-column 公开对象 cell', () => {
    expect(parseOptions('特定群体、全社会', options)).toEqual({
      values: ['public', 'specific'],
      unknown: [],
    });
    expect(parseOptions('■全社会 □特定群体', options)).toEqual({ values: ['public'], unknown: [] });
    expect(parseOptions('居民', options)).toEqual({ values: [], unknown: ['居民'] });
  });
});
