// What kind of answer a query asks for, beyond its topic: how to do it, how much, where and when, complaints,
// published lists, or what a policy means. Intents only add to a document's score in ranking; they never remove a
// result, so a wrong guess costs an order, not an answer.
import type { SearchDoc } from './docs.ts';

export type IntentKind =
  | 'how'
  | 'eligible'
  | 'amount'
  | 'pay'
  | 'when'
  | 'contact'
  | 'complaint'
  | 'result'
  | 'explain'
  | 'replace'
  | 'appeal';

interface IntentRule {
  kind: IntentKind;
  /** Words in the query that signal the intent. */
  query: RegExp;
  /** Words in an item's name (or a guide's or interpretation's title) that answer it. */
  row: RegExp;
  /** Document types that answer it whatever their name. */
  types: ReadonlyArray<SearchDoc['type']>;
}

export const INTENT_RULES: readonly IntentRule[] = [
  {
    kind: 'how',
    query:
      /怎么|如何|怎样|咋|流程|材料|资料|手续|条件|办理|申请|申领|需要什么|要什么|带什么|步骤|指南|多久|办不办|能不能办|去哪办|办什么|要办|办个|怎么弄/,
    row: /办事指南|办理指南|服务指南|申请指南|办理流程|办事流程|申请条件|申请材料|办理条件|所需材料|办理程序|申请程序/,
    types: ['guide'],
  },
  {
    // Whether the visitor qualifies (七十多了无儿无女能不能算五保户, 我这种情况够不够条件): the row that says who
    // qualifies, not the list of who did.
    kind: 'eligible',
    query:
      /算不算|能不能算|能算|够不够|够条件|符不符合|符合条件|有没有资格|有资格|没资格|能不能享受|能享受|能不能纳入|能纳入|能不能评|属不属于|算是/,
    row: /条件|认定|资格|对象识别|对象范围|范围和|识别|准入/,
    types: [],
  },
  {
    kind: 'amount',
    query: /多少钱|多少|标准|能领|能拿|补贴多少|补助多少|金额|几块|每月发|发多少|给多少|待遇|费用|价格|价钱/,
    row: /标准|发放|待遇|金额|资金|补贴|补助|救助金|养老金|价|收费/,
    types: [],
  },
  {
    // How much one pays (城乡居民养老保险一年最低交多少, 公租房租金交多少): the row of contributions and fees, not the
    // benefits the 'amount' rows pay out. Where it holds, 'amount' does not.
    kind: 'pay',
    query: /交多少|缴多少|交几|缴几|交钱|交费|缴费|收多少|收几|收费|收钱|租金多少|房租多少/,
    row: /缴费|缴纳|缴存|档次|收费|费用|费率|基数|租金|价格/,
    types: [],
  },
  {
    // When money arrives or work is done (补偿款什么时候到, 养老金几号发, 回迁房啥时候交房): the row that pays it out
    // or tells the schedule.
    kind: 'when',
    query: /什么时候|啥时候|么时候|几时|何时|哪天|几号|什么时间|到账|打到卡/,
    row: /发放|支付|兑付|拨付|到账|进度|时限|期限|日期|计划|安排/,
    types: [],
  },
  {
    kind: 'contact',
    query:
      /在哪|哪里|什么地方|哪个地方|地址|地点|电话|号码|联系|几点|时间|上班|下班|关门|开门|窗口|怎么走|营业/,
    row: /联系|电话|地址|地点|办公|窗口|机构|时间/,
    types: [],
  },
  {
    kind: 'complaint',
    // Misconduct told without the word 举报 (补助被村干部克扣, 被村里扣了, 有人冒领, 名额给了亲戚, 补偿款扣下不发) asks for the
    // same channel.
    query:
      /投诉|举报|检举|控告|反映|监督|维权|克扣|冒领|骗取|贪污|挪用|截留|侵占|乱收费|乱罚款|吃拿卡要|不作为|刁难|优亲厚友|暗箱操作|走后门|徇私|人情保|关系保|不公平|不公正|收红包|吃回扣|关系户|给了[^，。,]{0,4}亲戚|扣下|扣着|扣发|被[^，。,]{0,6}扣了|被[^，。,]{0,6}(?:吞|贪|私吞)|虐待|打老人|打孩子|粗暴|态度恶劣|多收|骗人|骗子|猫腻|偷偷|偷着|私自|没批就|未批先|无证(?!明|件)|黑诊所|黑作坊|黑加油|不给开发票|不开发票/,
    // A row that investigates or cleans up the very thing reported (违法建设查处, 瓶装液化气安全整治) is where such
    // a report goes, as much as a channel is.
    row: /投诉|举报|检举|控告|监督|信访|整治|查处|打击/,
    types: [],
  },
  {
    kind: 'result',
    query: /名单|公示|结果|名录|有没有我|批了没|批没批/,
    row: /名单|公示|结果|名录|名册/,
    types: [],
  },
  {
    // A lost or broken card or certificate (残疾证丢了, 社保卡坏了): the row for replacing it.
    kind: 'replace',
    query: /丢了|丢失|弄丢|掉了|遗失|被偷|坏了|损坏|补办|补领|补发|补卡|补证|挂失/,
    row: /补领|补办|补发|补换|挂失|换领|换发/,
    types: [],
  },
  {
    // Disagreeing with a decision (评估价太低不服, 对认定结果有异议): the row for having it reviewed.
    kind: 'appeal',
    query: /不服|有异议|提出异议|不认可|不同意|申诉|复核|复议|重新评估|重新鉴定/,
    row: /复核|复议|异议|申诉|复审|重新鉴定|裁决/,
    types: [],
  },
  {
    kind: 'explain',
    query: /为什么|解读|政策|是什么意思|什么意思|什么是|是什么/,
    row: /解读|问答|释义/,
    types: ['interpretation'],
  },
];

/**
 * The money of a programme, said by a last character after its name (禁牧钱, 拆迁款, 移民款): what it pays out. Not
 * a loan, fine, wage or payment of one's own (贷款, 罚款, 工钱, 交钱, 花钱), nor money a particle follows (政府的钱).
 * It asks how much as 'amount' does, though the word itself names a topic (税款, 药钱), so it is no rule of its own.
 */
const MONEY_OF =
  /\p{Script=Han}(?<![贷罚存付汇欠条还捐筹借拨赔到])款|\p{Script=Han}(?<![交缴花没有借赚收退要省挣值找工的给])钱/u;

/** The intents a query's words signal (several may hold: 低保标准怎么申请 asks how and how much). */
export function detectIntents(query: string): IntentKind[] {
  const kinds = INTENT_RULES.filter((r) => r.query.test(query)).map((r) => r.kind);
  if (!kinds.includes('amount') && MONEY_OF.test(query)) kinds.push('amount');
  return kinds.includes('pay') ? kinds.filter((k) => k !== 'amount') : kinds;
}

/** Whether a query word signals an intent (举报 the complaint intent). */
export function signalsIntent(kind: IntentKind, word: string): boolean {
  return INTENT_RULES.find((r) => r.kind === kind)!.query.test(word);
}

/** Whether a document answers an intent, by its type or by the words of its own name. */
export function answersIntent(kind: IntentKind, type: SearchDoc['type'], name: string): boolean {
  const rule = INTENT_RULES.find((r) => r.kind === kind)!;
  return rule.types.includes(type) || rule.row.test(name);
}

/**
 * Words that only ask where, when, how much or for a published list, made of nothing else (号码, 几点, 费用,
 * 联系电话, 公示): every programme has its list row, so 公示 says which row, not which programme.
 */
const INTENT_ONLY = new RegExp(
  `^(?:${INTENT_RULES.filter((r) => r.kind === 'contact' || r.kind === 'amount' || r.kind === 'result')
    .map((r) => r.query.source)
    .join('|')})+$`,
);

/** Whether a query word only asks where, when, how much or for a list, and names no topic. */
export function isIntentWord(word: string): boolean {
  return INTENT_ONLY.test(word);
}
