import { describe, expect, it } from 'vitest';
import { answersIntent, detectIntents, isIntentWord } from '../../../src/core/search/intent.ts';
import { parseLexicon } from '../../../src/core/search/lexicon/parse.ts';
import { ageOf } from '../../../src/core/search/understand.ts';
import { fixtureData, item } from './fixture.ts';
import { stages, TEST_LEXICON } from './stages.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { createSearchEngine } from '../../../src/core/search/engine.ts';

describe('understanding (query → plan)', () => {
  const { understanding } = stages();
  const concepts = (q: string) => understanding.plan(q).concepts.map((c) => c.alts.map((a) => a.text));

  it('drops particles and reads the topic words of a spoken question', () => {
    const plan = understanding.plan('退休金每个月能拿多少呢');
    expect(plan.concepts[0]!.alts.map((a) => a.text)).toContain('企业职工基本养老保险');
    for (const c of plan.concepts) expect(['能', '呢', '吗', '多少']).not.toContain(c.source);
    expect(plan.intents).toContain('amount');
  });

  it('reads a stretch no typo explains as its words: 人管社区 is 人 + 管 + 社区, and 社区 is a topic', () => {
    const data = fixtureData();
    data.catalogue.push(item('sq1', '养老服务', '居家社区养老', '空巢和独居老年人探访', null, '区民政局'));
    const own = stages(data);
    const sources = own.understanding.plan('老两口没人管社区能来看看不').concepts.map((c) => c.source);
    expect(sources).toContain('社区');
    expect(sources).not.toContain('人管社区');
    // A stretch a typo does explain stays whole and is corrected (户口签移 → 户口迁移).
    const typo = own.understanding.plan('户口签移').concepts;
    expect(typo).toHaveLength(1);
    expect(typo[0]!.alts.map((a) => a.text)).toContain('户口迁移');
  });

  it('reads a verb the catalogue names by a noun as a word of the stretch it ends (一棵赔 is 一棵 + 赔)', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('qm1', '农村集体土地征收', '补偿标准', '地上附着物和青苗补偿标准', null, '县自然资源局'),
    );
    const own = stages(data);
    const plan = own.understanding.plan('果树被征了一棵赔多少钱');
    const verb = plan.concepts.find((c) => c.source === '赔');
    expect(verb?.alts.map((a) => a.text)).toContain('补偿');
    expect(plan.concepts.map((c) => c.source)).not.toContain('一棵赔');
  });

  it('reads full pinyin as words of the names, not as part of a longer word or across two (jijin: 基金)', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('jj1', '社会保险', '社会保险基金监督', '欺诈骗取社会保险基金举报', null, '区人社局'),
      item('jj2', '住房公积金', '住房公积金提取', '购房提取', null, '市住房公积金中心'),
      item('jj3', '住房公积金', '住房公积金缴存', '单位缴存登记', null, '市住房公积金中心'),
      item('bh1', '安全生产', '事故处置', '安全生产举报和奖励', null, '区应急管理局'),
      item('bh2', '生态环境', '污染防治', '饮用水水源保护区和水质', null, '区生态环境局'),
    );
    const own = stages(data);
    const alts = (q: string) =>
      own.understanding
        .plan(q)
        .concepts.flatMap((c) => c.alts.filter((a) => a.weight === 1).map((a) => a.text));
    expect(alts('jijin')).toContain('基金');
    expect(alts('jijin')).not.toContain('积金');
    // 保护 of 保护区 is a word of the segmenter's own; 报和 of 举报/和 is none.
    expect(alts('baohu')).toContain('保护');
    expect(alts('baohu')).not.toContain('报和');
    const engine = createSearchEngine({
      ...data,
      searchIndex: buildSearchIndex(data, { lexicon: TEST_LEXICON }),
    });
    expect(engine.search('jijin').results[0]?.id).toBe('jj1');
  });

  it('never corrects a word the catalogue holds into another: 孩子转学 is not a typo of 孩子上学', () => {
    const data = fixtureData();
    data.catalogue.push(item('zx1', '义务教育', '学籍管理', '转学', null, '区教育局'));
    data.synonyms.push({ term: '孩子上学', official: ['义务教育招生入学'] });
    const own = stages(data);
    const alts = own.understanding.plan('孩子转学').concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts).toContain('转学');
    expect(alts).not.toContain('孩子上学');
    // A character no word of the catalogue holds is still a typo to correct (户口签移 → 户口迁移).
    expect(own.understanding.plan('户口签移').concepts[0]!.alts.map((a) => a.text)).toContain('户口迁移');
  });

  it('expands lexicon terms the district never listed, and English names', () => {
    expect(concepts('五保户')[0]).toContain('特困人员救助供养');
    expect(concepts('public rental housing')).toEqual([['公共租赁住房']]);
  });

  it('reads pinyin beside an English name as pinyin, not as an English word the bundle lacks', () => {
    // pension is the English name of 企业职工基本养老保险; lingqu spells 领取 (in the fixture's 待遇领取).
    const read = concepts('pension lingqu');
    expect(read[0]).toContain('企业职工基本养老保险');
    expect(read.some((alts) => alts.includes('领取'))).toBe(true);
    // An English word that is not pinyin adds nothing (and no guess).
    expect(concepts('pension office')).toEqual([['企业职工基本养老保险']]);
  });

  it('reads full pinyin as the word it spells as well as the vocabulary terms starting with it', () => {
    const alts = concepts('huji')[0]!;
    expect(alts).toContain('户籍');
    expect(alts.some((a) => a.startsWith('户籍') && a.length > 2)).toBe(true);
  });

  it('reads the money of a programme (禁牧钱, 拆迁款) as asking how much, not a loan, fine or wage', () => {
    for (const q of ['禁牧钱', '拆迁款什么时候发', '移民款', '农民的养老钱'])
      expect(detectIntents(q), q).toContain('amount');
    for (const q of ['创业贷款', '交通罚款', '老板不给工钱', '政府的钱花到哪去了', '看病要交钱吗'])
      expect(detectIntents(q), q).not.toContain('amount');
    // The word still names a topic: 税款 is no intent word.
    expect(isIntentWord('税款')).toBe(false);
  });

  it('detects several intents at once, and none in a plain name', () => {
    expect(detectIntents('低保标准怎么申请')).toEqual(expect.arrayContaining(['how', 'amount']));
    expect(detectIntents('民政局电话')).toEqual(['contact']);
    expect(detectIntents('开饭店要办什么证')).toEqual(['how']);
    expect(detectIntents('我要投诉')).toEqual(['complaint']);
    // 检举 and 控告 are the statutes' words for 举报, and tax departments name their channel so.
    expect(detectIntents('检举偷税')).toEqual(['complaint']);
    expect(answersIntent('complaint', 'item', '税收违法行为检举')).toBe(true);
    // Misconduct told without the word 举报.
    expect(detectIntents('危房补助被村干部克扣')).toEqual(['complaint']);
    expect(detectIntents('有人冒领养老金')).toContain('complaint');
    // Favouritism in who gets a benefit is misconduct too.
    expect(detectIntents('村干部优亲厚友危房改造名额')).toContain('complaint');
    expect(detectIntents('低保评得不公平')).toContain('complaint');
    expect(detectIntents('危房改造名额给了村支书的亲戚')).toContain('complaint');
    expect(detectIntents('征地补偿款被扣下不发')).toContain('complaint');
    // Something of the visitor's taken by someone (被村里扣了); a deduction asked about is no complaint.
    expect(detectIntents('种粮补贴被村里扣了')).toContain('complaint');
    expect(detectIntents('工资里社保扣了多少')).not.toContain('complaint');
    // Abuse, fraud and things done without a licence or in secret, told without 举报.
    expect(detectIntents('养老院护工打老人')).toContain('complaint');
    expect(detectIntents('上门推销保健品是不是骗子')).toContain('complaint');
    expect(detectIntents('有人偷着开矿')).toContain('complaint');
    expect(detectIntents('饭店不给开发票')).toContain('complaint');
    expect(detectIntents('无证经营')).toContain('complaint');
    // Certificates not needed (无证明城市) and a card needed are no complaint.
    expect(detectIntents('无证明城市')).not.toContain('complaint');
    expect(detectIntents('开饭店要办什么证')).not.toContain('complaint');
    // Applying on a relative's behalf is no complaint.
    expect(detectIntents('帮亲戚申请低保')).not.toContain('complaint');
    expect(detectIntents('给我亲戚申请低保')).not.toContain('complaint');
    expect(detectIntents('亲属关系证明')).not.toContain('complaint');
    expect(detectIntents('低保公示名单')).toEqual(['result']);
    // Disagreeing with a decision asks for the row that reviews it.
    expect(detectIntents('评估价太低了不服怎么办')).toContain('appeal');
    expect(answersIntent('appeal', 'item', '评估结果公示和复核')).toBe(true);
    expect(answersIntent('appeal', 'item', '房屋征收决定公告')).toBe(false);
    // A lost or broken card asks for the row that replaces it.
    expect(detectIntents('残疾证丢了')).toEqual(['replace']);
    expect(answersIntent('replace', 'item', '换领、补领、变更和注销')).toBe(true);
    // Asking when money arrives or work is done asks for the row that pays it out or tells the schedule.
    expect(detectIntents('征地补偿款什么时候打到卡上')).toContain('when');
    expect(detectIntents('养老金每个月几号发')).toContain('when');
    expect(answersIntent('when', 'item', '征地补偿费用支付')).toBe(true);
    expect(answersIntent('when', 'item', '征收土地公告')).toBe(false);
    // Asking whether one qualifies asks for the row that says who qualifies, not the list of who did.
    expect(detectIntents('七十多了无儿无女能不能算五保户')).toContain('eligible');
    expect(detectIntents('大病能纳入帮扶吗')).toContain('eligible');
    expect(answersIntent('eligible', 'item', '认定条件')).toBe(true);
    expect(answersIntent('eligible', 'item', '特困人员名单公示')).toBe(false);
    // How much one pays is not how much one gets: the contribution row, not the benefit rows of 'amount'.
    expect(detectIntents('城乡居民养老保险一年最低交多少')).toEqual(['pay']);
    expect(detectIntents('养老金一个月能领多少')).toEqual(['amount']);
    expect(answersIntent('pay', 'item', '缴费档次和政府补贴')).toBe(true);
    expect(answersIntent('pay', 'item', '基础养老金标准和待遇申领')).toBe(false);
    expect(detectIntents('最低生活保障')).toEqual([]);
  });

  it('reads the intent of a typo as that of its correction: 低保申清 asks how to apply, as 低保申请 does', () => {
    const plan = understanding.plan('低保申清');
    expect(plan.corrections).toContain('申请');
    expect(plan.intents).toContain('how');
  });

  it('reads a stretch of known words as those words, not as a typo of a longer term', () => {
    // 临时救助 and 名单 are both known: no "did you mean" as if 名单 were a typo.
    for (const q of ['临时救助名单', '最低生活保障名单']) {
      const plan = understanding.plan(q);
      expect(plan.corrections).toEqual([]);
      expect(plan.concepts.map((c) => c.source)).toContain('名单');
    }
  });

  it('does not guess pinyin pieces inside English words', () => {
    expect(understanding.plan('housing provident fund').concepts).toEqual([]);
    expect(understanding.plan('dibaoshenqing').concepts.length).toBeGreaterThan(0);
  });

  it('reads a word that only asks where, when, how much or for a list as weak, not as a topic', () => {
    for (const w of ['号码', '电话', '几点', '费用', '价格', '多少钱', '公示', '名单', '结果'])
      expect(isIntentWord(w), w).toBe(true);
    for (const w of ['低保', '办公时间', '民政局', '电费', '黑名单', '公示期'])
      expect(isIntentWord(w), w).toBe(false);
    const plan = understanding.plan('民政局电话');
    expect(plan.concepts.map((c) => [c.source, c.weak])).toEqual([
      ['民政局', false],
      ['电话', true],
    ]);
    // Every programme has its list row: 结果 picks the row, the topic picks the programme.
    const list = understanding.plan('临时救助结果');
    expect(list.concepts.map((c) => [c.source, c.weak])).toEqual([
      ['临时救助', false],
      ['结果', true],
    ]);
    expect(list.intents).toContain('result');
    // What is to be done (处理, 查询) says what kind of answer: every domain has its 投诉处理 and 查询 rows.
    const handle = understanding.plan('户口迁移怎么处理');
    expect(handle.concepts.map((c) => [c.source, c.weak])).toEqual([
      ['户口迁移', false],
      ['处理', true],
    ]);
    // 什么地方 asks where, as 在哪 does: 地方 is no topic.
    const where = understanding.plan('民政局在什么地方');
    expect(where.concepts.map((c) => c.source)).toEqual(['民政局']);
    expect(where.intents).toContain('contact');
  });

  it('takes intents from the Chinese that pinyin spells (dibaoshenqing asks how, as 低保申请 does)', () => {
    expect(understanding.plan('dibaoshenqing').intents).toContain('how');
    expect(understanding.plan('dibao tousu').intents).toContain('complaint');
    expect(understanding.plan('dibao').intents).toEqual([]);
  });

  it('reads a long stretch of speech run together word by word, not as one mistyped name', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('wf9', '农村危房改造', '住房安全性鉴定', '老房子裂缝和危房鉴定', null, '镇村镇建设办'),
    );
    const plan = stages(data).understanding.plan('老房子墙上裂开好大一条缝');
    expect(plan.concepts.map((c) => c.source)).toContain('老房子');
    expect(plan.concepts.length).toBeGreaterThan(2);
    expect(plan.corrections).toEqual([]);
    // Also when the bundle knows none of its words: no homophone guess of the whole (加盖 → 价格).
    const unknown = understanding.plan('隔壁楼顶偷偷加盖了一层铁皮房');
    expect(unknown.concepts.length).toBeGreaterThan(2);
    expect(unknown.corrections).toEqual([]);
  });

  it('reads an elderly person’s age as their age group: 80 and over 高龄, 60 to 79 老年人 (weak)', () => {
    expect(ageOf('我爸八十五了每个月')).toEqual({ text: '八十五了', years: 85 });
    expect(ageOf('老人80岁了有补贴吗')).toEqual({ text: '80岁', years: 80 });
    expect(ageOf('我妈七十多了')).toEqual({ text: '七十多了', years: 70 });
    expect(ageOf('一百零二岁')?.years).toBe(102);
    // A child's age, a number of years paid, a young adult: no age group of the elderly.
    for (const q of ['孩子三岁了', '交了十年', '二十多岁']) expect(ageOf(q), q).toBeNull();
    const old = understanding.plan('我爸八十五了有补贴吗');
    expect(old.concepts.find((c) => c.source === '八十五了')?.alts.map((a) => a.text)).toContain('高龄');
    const sixty = understanding.plan('六十五岁体检免费吗').concepts.find((c) => c.source === '六十五岁');
    expect(sixty?.weak).toBe(true);
  });

  it('reads a keyboard row as noise, not as initials guessed around letters that fit nothing', () => {
    // a and f fit nothing; sd and gh are only two-letter guesses (生登, 共和): nothing to search for.
    for (const q of ['asdfgh', 'qwerty']) expect(understanding.plan(q).concepts, q).toEqual([]);
    // Real initials still read, a guessed piece beside a known one included (dbsq: 低保 + 申请).
    expect(concepts('dbsq')[0]).toContain('低保');
  });

  it('reads two names typed together as both, not the longer one as a typo of the other', () => {
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '义务教育\t义务教育招生入学\t孩子上学\tschool enrollment',
        '义务教育\t学区划分\t划片\tschool district',
      ].join('\n'),
    );
    const data = fixtureData();
    data.catalogue.push(item('jy9', '义务教育', '学区划分', null, null, '区教育局'));
    const plan = stages(data, lexicon).understanding.plan('孩子上学划片');
    const alts = plan.concepts.map((c) => c.alts.map((a) => a.text));
    expect(alts).toContainEqual(expect.arrayContaining(['学区划分']));
    expect(alts).toContainEqual(expect.arrayContaining(['义务教育招生入学']));
  });

  it('keeps a homophone typo around a function character whole, and corrects it', () => {
    // 医疗和作 reads yi liao he zuo like 医疗合作; its 和 is no conjunction here.
    const data = fixtureData();
    data.catalogue.push(item('ylhz', '卫生健康', '医疗合作', '对口支援', null, '区卫生健康局'));
    const plan = stages(data).understanding.plan('医疗和作');
    expect(plan.concepts.flatMap((c) => c.alts.map((a) => a.text))).toContain('医疗合作');
  });

  it('corrects a homophone typo only with characters usually read that way', () => {
    // 户口 is nowhere in this bundle, 和口 is (和口腔); 和 reads hú only in mahjong, so 户口 is not read as 和口.
    const data = fixtureData();
    const has = (x: unknown) => JSON.stringify(x).includes('户口');
    data.catalogue = data.catalogue.filter((it) => !has(it));
    data.guides = data.guides.filter((g) => !has(g));
    data.interpretations = data.interpretations.filter((x) => !has(x));
    data.catalogue.push(item('kq1', '卫生健康', '牙齿和口腔保健', null, null, '区卫生健康局'));
    const own = stages(data).understanding;
    const alts = own.plan('外地户口').concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts.join(' ')).not.toContain('和口');
    // A typo with the usual reading is still corrected (最低生活保帐 → 保障, zhàng).
    const fixed = understanding.plan('最低生活保帐').concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(fixed).toContain('最低生活保障');
  });

  it('reads two characters the dictionary holds as a word (老板) as that word, not as a name that sounds alike', () => {
    const data = fixtureData();
    data.catalogue.push(item('pe1', '户籍管理', '户口迁移', '夫妻投靠迁入', null, '区公安分局'));
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '户籍管理\t夫妻投靠\t老伴\tspouse'].join('\n'),
    );
    const own = stages(data, lexicon).understanding;
    const alts = (q: string) => own.plan(q).concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts('老板')).not.toContain('老伴');
    // A non-word that sounds like the name is still its typo (老拌 → 老伴).
    expect(alts('老拌')).toContain('老伴');
  });

  it('reads a lone character and the next word as the name the lexicon knows (生 + 孩子), not as a typo', () => {
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '社会保险\t生育保险\t生孩子\tmaternity insurance',
        // 孩子医保 is one edit away from 生孩子医保: the stretch read as one mistyped name became it.
        '社会保险\t新生儿参保\t孩子医保\tnewborn medical insurance enrollment',
      ].join('\n'),
    );
    // The segmenter cuts 生孩子医保 into 生/孩子/医保: read as one unknown stretch, it was "corrected" to 孩子医保.
    const data = fixtureData();
    data.catalogue.push(
      item('sb-sy', '社会保险', '生育保险', '生育医疗费和生育津贴', null, '区医保局'),
      item('sb-yb', '社会保险', '医疗保险', '城乡居民医保参保缴费', null, '区医保局'),
    );
    const plan = stages(data, lexicon).understanding.plan('生孩子医保能报多少');
    expect(plan.corrections).toEqual([]);
    expect(plan.concepts[0]!.alts.map((a) => a.text)).toContain('生育保险');
  });

  it('rejoins a term the segmenter cut (许可 + 证): a verb before it is no typo of a longer term', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('pw1', '生态环境', '排污许可', '排污许可证核发', null, '区生态环境局'),
      item('sp1', '食品药品监管', '食品经营许可', '食品经营许可证核发', null, '区市场监管局'),
      item('xk1', '城市综合执法', '行政许可', '城市道路占用挖掘许可', null, '区城管局'),
    );
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '通用\t行政许可\t许可证|办证\tadministrative license'].join('\n'),
    );
    // 办许可证 was read as one mistyped stretch and "corrected" to 污许可证, a piece of 排污许可证.
    const plan = stages(data, lexicon).understanding.plan('开小卖部要办许可证吗');
    expect(plan.corrections).not.toContain('污许可证');
    expect(plan.concepts.map((c) => c.source)).toContain('许可证');
  });

  it('reads a name the lexicon knows as a word, not as a typo, where the catalogue words it otherwise', () => {
    // The district calls library cards 读者证 in a row about its library; the lexicon knows 借书证 under 图书借阅,
    // a name this catalogue never uses. 借书 is in no document, yet 借书证 is no misspelling of anything.
    const data = fixtureData();
    data.catalogue.push(
      item(
        'wh-tsg',
        '公共文化服务',
        '公共文化设施',
        '区图书馆',
        null,
        '区文化馆',
        '开放时间、借阅规则和读者证办理',
      ),
      // 属证 of 亲属证明 sounds like 书证: a homophone guess would make 借书证 a misspelt 借属证.
      item('zd-bc', '农村集体土地征收', '征地补偿', '亲属证明和补偿登记', null, '区自然资源局'),
    );
    const lexicon = parseLexicon(
      ['domain\tofficial\tcolloquial\ten', '公共文化服务\t图书借阅\t借书证|读者证\tlibrary card'].join('\n'),
    );
    const own = stages(data, lexicon);
    const plan = own.understanding.plan('借书证');
    expect(plan.corrections).toEqual([]);
    expect(plan.concepts.map((c) => c.alts.map((a) => a.text))).toEqual([['借书证']]);
    own.retrieval.scorePlan(plan, true);
    const acc = own.retrieval.acc;
    expect(Array.from(acc.list.slice(0, acc.size), (d) => own.corpus.docs[d]!.id)).toEqual(['wh-tsg']);
  });

  it('reads one syllable typed among Chinese as a character it cannot know, not as every term it begins', () => {
    // lin of 暖气lin坏 is a character the visitor could not find (了? 临?), not 临时救助; di is not 低保.
    expect(concepts('暖气lin坏')).toEqual([['暖气'], ['坏', '损坏', '维修', '故障']]);
    expect(concepts('户口di迁').flat()).not.toContain('低保');
    // Joined to the characters beside it into a word of the bundle, the syllable is read (hukou迁移 → 户口迁移),
    // and letters alone are still pinyin.
    expect(concepts('hu口迁移').flat()).toContain('户口迁移');
    expect(concepts('dibao').flat()).toContain('低保');
  });

  it('reads full pinyin as a word of the names before the edges of two words (jihuo: 激活, not 记和 of 登记和)', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('sbk', '社会保险', '社会保障卡', '申领、补换和激活', null, '区社会保险中心'),
      ...['就业登记和失业登记', '居住登记和居住证办理', '补偿登记和补偿协议'].map((name, i) =>
        item(`dj${i}`, '社会保险', name, null, null, '区社会保险中心'),
      ),
    );
    const own = stages(data);
    const alts = own.understanding.plan('jihuo').concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts[0]).toBe('激活');
    // The edges of two words are no reading when the letters spell a word.
    expect(alts).not.toContain('记和');
    // Both readings of jine (ji ne, jin e) are tried: 金额 is found.
    data.catalogue.push(item('je', '社会救助', '补助金额公示', null, null, '区民政局'));
    const withAmount = stages(data);
    expect(
      withAmount.understanding.plan('jine').concepts.flatMap((c) => c.alts.map((a) => a.text)),
    ).toContain('金额');
  });

  it('reads full pinyin as the names read it, or in the usual readings (shenghuo: 生活, not 生和 of 毕业生和)', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('sh1', '学生资助', '生活补助', '家庭经济困难寄宿生生活补助', null, '区教育局'),
      item('sh2', '税费服务', '税费优惠', '退役士兵、高校毕业生和脱贫人口创业税费扣减', null, '区税务局'),
      item('gj1', '住房保障', '住房公积金', '公积金缴存', null, '区公积金中心'),
      item('gj2', '农业农村', '农产品供给', '蔬菜保供稳价', null, '区农业农村局'),
    );
    const own = stages(data);
    const alts = (q: string) => own.understanding.plan(q).concepts.flatMap((c) => c.alts.map((a) => a.text));
    // 和 reads huo only in a few words (和面, 暖和): 生活 reads shenghuo in the usual readings.
    expect(alts('shenghuo')).toContain('生活');
    expect(alts('shenghuo')).not.toContain('生和');
    // A rarer reading counts where the names read it so: 供给 (给 usually gei) for gongji, beside 公积 of 公积金
    // (还款 for huankuan, where the vocabulary reads hai kuan: pinyin-polyphones.test.ts).
    expect(alts('gongji')).toContain('供给');
  });

  it('reads an English gloss that is pinyin (chengguan) as pinyin too: every word spelled so', () => {
    const data = fixtureData();
    data.catalogue.push(
      item('cg', '城市综合执法', '城市管理综合执法', '执法公示', null, '区城市管理局'),
      item('cgz', '社会救助', '城关镇', '临时救助', null, '城关镇人民政府'),
    );
    const lexicon = parseLexicon(
      [
        'domain\tofficial\tcolloquial\ten',
        '城市综合执法\t城市管理综合执法\t城管\turban management|chengguan',
      ].join('\n'),
    );
    const alts = stages(data, lexicon)
      .understanding.plan('chengguan')
      .concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts).toEqual(expect.arrayContaining(['城市管理综合执法', '城关']));
  });

  it('corrects two characters the names hold only across two words (地保 of 耕地/保护) as a homophone typo', () => {
    const data = fixtureData();
    data.catalogue.push(item('gd', '涉农补贴', '耕地保护补偿', '补偿标准', null, '区农业农村局'));
    const own = stages(data);
    const alts = own.understanding.plan('申请地保').concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts).toContain('低保');
    // A word the names hold as a word is no typo (保护 of 耕地/保护).
    expect(own.understanding.plan('保护').corrections).toEqual([]);
  });
});
