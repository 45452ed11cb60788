import { describe, expect, it } from 'vitest';
import { fromDialect } from '../../../src/core/search/dialect.ts';
import { toSimplified } from '../../../src/core/search/traditional.ts';
import { fixtureData, item } from './fixture.ts';
import { stages } from './stages.ts';

describe('regional words', () => {
  it('reads south-western, northern, Wu and Min words as Mandarin', () => {
    expect(fromDialect('社保咋个交')).toBe('社保怎么交');
    expect(fromDialect('屋头老人养老金好多钱')).toBe('家里老人养老金多少钱');
    expect(fromDialect('没得工作咋整')).toBe('没有工作怎么办');
    expect(fromDialect('囝读书哪能报名')).toBe('孩子读书怎么报名');
    expect(fromDialect('阿拉屋里厢')).toBe('我们家里');
    expect(fromDialect('生娃儿医保能报好多')).toBe('生孩子医保能报多少');
    expect(fromDialect('一个月好多嘛')).toBe('一个月多少嘛');
    expect(fromDialect('政府补几多钞票')).toBe('政府补多少钱');
    expect(fromDialect('房子漏雨政府有补贴修伐？')).toBe('房子漏雨政府有补贴修吗？');
    expect(fromDialect('砍伐树木要审批伐')).toBe('砍伐树木要审批吗');
    expect(fromDialect('农村做屋么样审批')).toBe('农村建房怎么样审批');
    expect(fromDialect('补助么时候发啵')).toBe('补助什么时候发吗');
    expect(fromDialect('老房子翻修噶有补助')).toBe('老房子翻修是否有补助');
    expect(fromDialect('外地媳妇给是可以落户')).toBe('外地媳妇是不是可以落户');
    expect(fromDialect('残疾证补贴得不得领')).toBe('残疾证补贴能不能领');
    expect(fromDialect('自来水几钱一方')).toBe('自来水多少钱一方');
    expect(fromDialect('俺爹的养老金咋领嘞')).toBe('俺爹的养老金怎么领呢');
    expect(fromDialect('补办身份证中不中')).toBe('补办身份证可不可以');
    expect(fromDialect('今朝落雨交关大 积水寻啥人')).toBe('今天下雨很大 积水找谁');
    expect(fromDialect('炭窑关了挖炭的咋办')).toBe('煤矿关了挖煤的怎么办');
    expect(fromDialect('下冷子把苹果打了')).toBe('下冰雹把苹果打了');
    expect(fromDialect('风台来了讨海人的船')).toBe('台风来了渔民的船');
    expect(fromDialect('额想寻个活干')).toBe('我想找个活干');
    expect(fromDialect('额们村的低保')).toBe('我们村的低保');
    expect(fromDialect('屋下的杉树想斫掉卖')).toBe('家里的杉树想砍掉卖');
    expect(fromDialect('细人仔冇人管')).toBe('孩子没有人管');
    expect(fromDialect('落大雨崩山了')).toBe('下大雨山体滑坡了');
    expect(fromDialect('木梓山补贴')).toBe('油茶山补贴');
    expect(fromDialect('介个补贴咋领')).toBe('这个补贴怎么领');
  });

  it('leaves the Mandarin words they are part of alone', () => {
    for (const q of [
      '阿拉伯语翻译',
      '阿拉善盟',
      '没得到补贴',
      '没得说',
      '规划在哪能看到',
      '好多人排队',
      '林木采伐许可',
      '砍伐',
      '什么样的条件',
      '怎么样申请',
      '这么样也行',
      '什么时候发',
      '啵啵奶茶店',
      '交给是非',
      '得不得了',
      '木炭烧烤',
      '炭疽病防控',
      '补贴金额想问一下',
      '名额们',
      '寻找失主',
      '寻求法律援助',
      '追寻红色足迹',
      '寻衅滋事',
    ])
      expect(fromDialect(q)).toBe(q);
  });

  it('reads the 儿 of northern speech off the words the catalogue writes without it', () => {
    expect(fromDialect('北关那片儿到底啥时候拆')).toBe('北关那片到底什么时候拆');
    expect(fromDialect('老伴儿走了丧葬费上哪领')).toBe('老伴走了丧葬费上哪领');
    expect(fromDialect('房本儿丢了咋补')).toBe('房本丢了怎么补');
    expect(fromDialect('咱这片儿多会儿停水')).toBe('咱这片什么时候停水');
    // Where 儿 is part of the word it stays: children, orphans, babies, kindergartens, the question word 哪儿.
    for (const q of [
      '女儿上学',
      '儿子结婚',
      '留守儿童',
      '孤儿补助',
      '婴儿奶粉',
      '幼儿园',
      '托儿所',
      '育儿补贴',
      '新生儿落户',
      '在哪儿办',
      '生儿育女',
      '妇儿工委',
    ])
      expect(fromDialect(q)).toBe(q);
    // And so it does in a word the bundle holds (a catalogue may name its 面人儿 craft).
    expect(fromDialect('面人儿', (w) => w === '人儿')).toBe('面人儿');
  });

  it('keeps a word the bundle holds as its own', () => {
    expect(fromDialect('古厝修缮补助', (w) => w === '厝')).toBe('古厝修缮补助');
    expect(fromDialect('古厝修缮补助')).toBe('古房子修缮补助');
  });

  it('finds the pension a south-western visitor asks about in their own words', () => {
    const data = fixtureData();
    const plan = stages(data).understanding.plan('屋头老人养老金好多钱');
    const texts = plan.concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(plan.intents).toContain('amount');
    expect(texts).not.toContain('金好多钱');
    expect(texts.some((t) => t.includes('养老'))).toBe(true);
  });
});

describe('written Cantonese', () => {
  it('reads Cantonese words as the Mandarin the catalogue uses', () => {
    expect(fromDialect(toSimplified('長者咭點樣申請'))).toBe('长者卡怎样申请');
    expect(fromDialect('社保喺边度办')).toBe('社保在哪里办');
    expect(fromDialect('几多钱')).toBe('多少钱');
  });

  it('leaves Mandarin words that share a character alone', () => {
    for (const q of ['关系证明', '旁边的派出所', '系统维护', '卡片']) expect(fromDialect(q)).toBe(q);
  });

  it('asks how and finds the card a Hong Kong visitor names 咭', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('zz1', '养老服务', '老年人优待', '老年人优待证（长者卡）', null, '区民政局'),
      item('zz2', '养老服务', '老年人优待', '办事指南', null, '区民政局'),
    );
    const plan = stages(data).understanding.plan('長者咭點樣申請');
    expect(plan.intents).toContain('how');
    expect(plan.concepts.flatMap((c) => c.alts.map((a) => a.text))).toContain('长者卡');
  });
});
