// The desk's pages as server-rendered HTML: no script at all (the CSP forbids it), every control a labelled native
// element, every value escaped. The routes (src/server/routes/desk.ts) decide what to show; this file only draws.
import {
  APPLICANT_TYPE_LABELS,
  DELIVERY_LABELS,
  MEDIUM_LABELS,
  type Application,
} from '../../core/application/schema.ts';
import { APPLICATION_STATUSES } from '../../core/application/status.ts';
import { ID_TYPE_LABELS } from '../../core/application/validators.ts';
import { PART4_COLUMNS, REPORT_COLUMNS, type AnnualReport } from '../../core/procedure/annual-report.ts';
import {
  ACTION_LABELS,
  CASE_KINDS,
  CASE_RESULTS,
  DELIVERY_METHODS,
  type ProcedureAction,
  type ProcedureActionType,
  type ProcedureState,
} from '../../core/procedure/procedure.ts';
import { REPLY_REASONS, REPLY_RESULTS } from '../../core/procedure/results.ts';
import { ROLE_LABELS, STAFF_ROLES, type StaffUser } from './accounts.ts';
import type { RetentionPreview } from '../retention.ts';
import type { CaseRecord, HistoryEntry, QueueFilter, QueueRow } from './case-store.ts';

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
const e = escapeHtml;

export const DESK_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #444; --line: #888; --accent: #0b4f9c; --bad: #a00000; }
* { box-sizing: border-box; }
body { font: 18px/1.6 "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: var(--ink); margin: 0; background: #fff; }
header { display: flex; gap: 1.5rem; align-items: center; padding: .75rem 1.5rem; background: #0b4f9c; color: #fff; flex-wrap: wrap; }
header a, header button { color: #fff; }
header nav { display: flex; gap: 1rem; flex: 1; }
main { padding: 1rem 1.5rem 3rem; max-width: 1400px; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; font-size: 1.2rem; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #e8eef6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: var(--accent); }
label { display: block; font-weight: bold; margin-top: .6rem; }
input, select, textarea, button { font: inherit; min-height: 44px; }
input[type=text], input[type=password], input[type=date], input[type=search], select, textarea { border: 2px solid #555; border-radius: 4px; padding: .3rem .5rem; max-width: 100%; }
textarea { width: 40rem; min-height: 6rem; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem 1.2rem; cursor: pointer; margin-top: .75rem; }
button.link { background: none; color: inherit; text-decoration: underline; padding: 0 .25rem; margin: 0; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1.25rem; align-items: flex-end; }
.filters label { margin-top: 0; }
.checkbox { display: flex; gap: .4rem; align-items: center; font-weight: normal; min-height: 44px; }
.error { color: var(--bad); font-weight: bold; border: 2px solid var(--bad); padding: .5rem .75rem; }
.ok { border: 2px solid #0a6b2d; padding: .5rem .75rem; }
.overdue { color: var(--bad); font-weight: bold; }
.muted { color: var(--muted); }
.actions form { border: 1px solid var(--line); padding: .5rem 1rem 1rem; margin: .75rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; }
th.level1 { padding-left: 2rem; }
th.level2 { padding-left: 3.5rem; font-weight: normal; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: .5rem; z-index: 9; }
`;

export function page(opts: { title: string; user: StaffUser | null; csrf?: string; body: string }): string {
  const nav = opts.user
    ? `<header>
<nav aria-label="工作台导航"><a href="/desk/">申请列表</a><a href="/desk/report">年度报告</a><a href="/desk/retention">保存期限</a>${
        opts.user.role === 'admin' ? '<a href="/desk/users">账号</a><a href="/desk/audit">查阅记录</a>' : ''
      }</nav>
<span>${e(opts.user.displayName)}（${e(ROLE_LABELS[opts.user.role])}）</span>
<form method="post" action="/desk/logout"><input type="hidden" name="_csrf" value="${e(opts.csrf)}"><button class="link" type="submit">退出登录</button></form>
</header>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${e(opts.title)} · 政府信息公开工作台</title>
<link rel="stylesheet" href="/desk/desk.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
${nav}
<main id="main">
${opts.body}
</main>
</body>
</html>`;
}

export function loginPage(opts: { error: string | null; username: string; insecure: boolean }): string {
  return page({
    title: '登录',
    user: null,
    body: `<h1>政府信息公开工作台 登录</h1>
${opts.insecure ? '<p class="error" role="alert">此页面未通过 HTTPS 打开：登录状态不会被浏览器保存。请使用 https:// 地址访问工作台。</p>' : ''}
${opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : ''}
<form method="post" action="/desk/login">
<label for="username">用户名</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${e(opts.username)}">
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div><button type="submit">登录</button></div>
</form>`,
  });
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;

export function queuePage(opts: {
  user: StaffUser;
  csrf: string;
  filter: QueueFilter & { deadline?: string };
  agencies: Array<{ id: string; name: string }>;
  rows: QueueRow[];
  total: number;
  /** More than `total` match (the queue stops counting at QUEUE_COUNT_CAP). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  today: string;
  query: URLSearchParams;
  notice: string | null;
}): string {
  const f = opts.filter;
  const rows = opts.rows
    .map((r) => {
      const overdue = r.dueOn && r.dueOn < opts.today && !isClosed(r.status);
      return `<tr>
<td><a href="/desk/applications/${e(r.receiptCode)}">${e(r.receiptCode)}</a></td>
<td>${e(r.applicantName)}</td>
<td>${e(r.agencyName)}</td>
<td>${e(r.status)}${r.clockPaused ? '（征求意见中，期限暂停）' : ''}</td>
<td>${e(r.receivedOn ?? '—')}</td>
<td${overdue ? ' class="overdue"' : ''}>${e(r.dueOn ?? '—')}${overdue ? '（已逾期）' : ''}</td>
<td>${r.staffAssisted ? '是' : '否'}</td>
</tr>`;
    })
    .join('\n');
  const counted = Math.max(1, Math.ceil(opts.total / opts.pageSize));
  // Past the count's cap the last page is unknown: there is a next page while this one is full.
  const pages =
    opts.totalCapped && opts.rows.length === opts.pageSize ? Math.max(counted, opts.page + 1) : counted;
  const pageLink = (n: number, label: string) => {
    const q = new URLSearchParams(opts.query);
    q.set('page', String(n));
    return `<a href="/desk/?${e(q.toString())}">${label}</a>`;
  };
  return page({
    title: '申请列表',
    user: opts.user,
    csrf: opts.csrf,
    body: `<h1>政府信息公开申请</h1>
<form method="get" action="/desk/" class="filters" role="search" aria-label="筛选申请">
<div><label for="agency">受理机关</label><select id="agency" name="agency">${option('', '全部', !f.agency)}${opts.agencies
      .map((a) => option(a.id, a.name, f.agency === a.id))
      .join('')}</select></div>
<div><label for="status">状态</label><select id="status" name="status">${option('', '全部', !f.status)}${APPLICATION_STATUSES.map(
      (s) => option(s, s, f.status === s),
    ).join('')}</select></div>
<div><label for="deadline">答复期限</label><select id="deadline" name="deadline">${option('', '全部', !f.deadline)}${option(
      'soon',
      '3个工作日内到期',
      f.deadline === 'soon',
    )}${option('overdue', '已逾期', f.deadline === 'overdue')}</select></div>
<div><label class="checkbox"><input type="checkbox" name="assisted" value="1"${f.staffAssisted ? ' checked' : ''}> 仅工作人员代填</label></div>
<div><label for="q">查询码或申请人姓名</label><input id="q" name="q" type="search" value="${e(f.q ?? '')}"></div>
<div><button type="submit">筛选</button></div>
</form>
${opts.notice ? `<p class="error" role="alert">${e(opts.notice)}</p>` : ''}
<table>
<caption>申请列表（${opts.totalCapped ? `超过 ${opts.total} 份，请用筛选缩小范围；第 ${opts.page} 页` : `共 ${opts.total} 份${pages > 1 ? `，第 ${opts.page}/${pages} 页` : ''}`}）</caption>
<thead><tr><th scope="col">查询码</th><th scope="col">申请人</th><th scope="col">受理机关</th><th scope="col">状态</th><th scope="col">收到申请日期</th><th scope="col">答复期限</th><th scope="col">工作人员代填</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">没有符合条件的申请。</td></tr>'}
</tbody>
</table>
<nav aria-label="翻页">${opts.page > 1 ? pageLink(opts.page - 1, '上一页') : ''} ${opts.page < pages ? pageLink(opts.page + 1, '下一页') : ''}</nav>`,
  });
}

function isClosed(status: string): boolean {
  return (REPLY_RESULTS as readonly string[]).includes(status);
}

const ACTION_WORDS: Record<ProcedureActionType, (a: ProcedureAction) => string> = {
  confirm: (a) => `确认收到申请（${a.on}）`,
  'request-correction': (a) =>
    a.type === 'request-correction' ? `发出补正通知（${a.on}），补正期限 ${a.answerBy}：${a.text}` : '',
  'correction-received': (a) => `收到补正（${a.on}），答复期限重新计算`,
  'correction-lapsed': (a) => `逾期未补正，不再处理（${a.on}）`,
  extend: (a) =>
    a.type === 'extend' ? `延期至 ${a.newDueOn}（${a.on}；理由：${a.reason}；批准人：${a.approver}）` : '',
  'consultation-start': (a) =>
    a.type === 'consultation-start'
      ? `征求${a.kind === 'third-party' ? '第三方' : '其他机关'}意见：${a.party}（${a.on}）`
      : '',
  'consultation-end': (a) => `征求意见结束（${a.on}）`,
  reply: (a) =>
    a.type === 'reply'
      ? `答复：${a.result}${a.reason ? `（${a.reason}）` : ''}（${a.on}）；依据：${a.basis}${a.referTo ? `；告知向 ${a.referTo} 申请` : ''}`
      : '',
  deliver: (a) => (a.type === 'deliver' ? `送达（${a.on}，${a.method}）` : ''),
  'case-filed': (a) => (a.type === 'case-filed' ? `登记${CASE_KIND_LABELS[a.kind]}（${a.on}）` : ''),
  'case-concluded': (a) =>
    a.type === 'case-concluded' ? `第 ${a.caseIndex + 1} 件复议或诉讼审结：${a.result}（${a.on}）` : '',
};

export const CASE_KIND_LABELS: Record<(typeof CASE_KINDS)[number], string> = {
  reconsideration: '行政复议',
  'litigation-direct': '行政诉讼（未经复议直接起诉）',
  'litigation-after-reconsideration': '行政诉讼（复议后起诉）',
};

function actionForm(
  type: ProcedureActionType,
  csrf: string,
  code: string,
  today: string,
  state: ProcedureState,
): string {
  const id = (f: string) => `${type}-${f}`;
  const date = (label: string, name = 'on', value = today) =>
    `<label for="${id(name)}">${label}</label><input id="${id(name)}" name="${name}" type="date" required value="${e(value)}">`;
  const textField = (label: string, name: string, multiline = false) =>
    multiline
      ? `<label for="${id(name)}">${label}</label><textarea id="${id(name)}" name="${name}" required></textarea>`
      : `<label for="${id(name)}">${label}</label><input id="${id(name)}" name="${name}" type="text" required>`;
  const select = (label: string, name: string, options: string, required = true) =>
    `<label for="${id(name)}">${label}</label><select id="${id(name)}" name="${name}"${required ? ' required' : ''}>${options}</select>`;
  let fields = '';
  let button: string = ACTION_LABELS[type];
  switch (type) {
    case 'confirm':
      fields = date('收到申请日期');
      break;
    case 'request-correction':
      fields =
        textField('需要补正的内容', 'text', true) +
        date('补正期限（申请人应在此日期前补正）', 'answerBy', '') +
        date('通知日期');
      break;
    case 'correction-received':
      fields = date('收到补正的日期');
      button = '登记收到补正';
      break;
    case 'correction-lapsed':
      fields = date('处理日期');
      button = '按逾期不补正处理';
      break;
    case 'extend':
      fields =
        textField('延期理由', 'reason', true) +
        textField('批准人', 'approver') +
        date('延期后的答复期限', 'newDueOn', '') +
        date('决定日期');
      button = '延期答复';
      break;
    case 'consultation-start':
      fields =
        select(
          '征求意见的对象类型',
          'kind',
          option('third-party', '第三方', true) + option('other-agency', '其他机关', false),
        ) +
        textField('征求意见的对象', 'party') +
        date('发出征求意见的日期');
      button = '开始征求意见';
      break;
    case 'consultation-end':
      fields = date('收到意见（或期满）的日期');
      break;
    case 'reply':
      fields =
        select('答复结果', 'result', REPLY_RESULTS.map((r) => option(r, r, false)).join('')) +
        select(
          '理由（不予公开、无法提供、不予处理、其他处理时选择）',
          'reason',
          option('', '无', true) +
            REPLY_RESULTS.filter((r) => REPLY_REASONS[r].length)
              .map(
                (r) =>
                  `<optgroup label="${e(r)}">${REPLY_REASONS[r].map((x) => option(x.name, x.row, false)).join('')}</optgroup>`,
              )
              .join(''),
          false,
        ) +
        textField('法律依据', 'basis') +
        `<label for="${id('referTo')}">告知申请人向其申请的机关（第三十六条第五项，可不填）</label><input id="${id('referTo')}" name="referTo" type="text">` +
        `<label for="${id('document')}">答复书（PDF，可不上传）</label><input id="${id('document')}" name="document" type="file" accept="application/pdf">` +
        date('答复日期');
      button = '作出答复';
      break;
    case 'deliver':
      fields =
        select('送达方式', 'method', DELIVERY_METHODS.map((m) => option(m, m, false)).join('')) +
        date('送达日期');
      button = '登记送达';
      break;
    case 'case-filed':
      fields =
        select('类型', 'kind', CASE_KINDS.map((k) => option(k, CASE_KIND_LABELS[k], false)).join('')) +
        date('立案日期');
      button = '登记复议或诉讼';
      break;
    case 'case-concluded':
      fields =
        select(
          '案件',
          'caseIndex',
          state.cases
            .map((c, i) =>
              c.result
                ? ''
                : option(String(i), `第 ${i + 1} 件：${CASE_KIND_LABELS[c.kind]}（${c.filedOn}）`, false),
            )
            .join(''),
        ) +
        select('结果', 'result', CASE_RESULTS.map((r) => option(r, `结果${r}`, false)).join('')) +
        date('审结日期');
      button = '登记审结结果';
      break;
  }
  const multipart = type === 'reply' ? ' enctype="multipart/form-data"' : '';
  return `<form method="post" action="/desk/applications/${e(code)}/actions"${multipart} aria-label="${e(ACTION_LABELS[type])}">
<input type="hidden" name="_csrf" value="${e(csrf)}"><input type="hidden" name="type" value="${e(type)}">
<h3>${e(ACTION_LABELS[type])}</h3>
${fields}
<div><button type="submit">${e(button)}</button></div>
</form>`;
}

export function applicationPage(opts: {
  user: StaffUser;
  csrf: string;
  record: CaseRecord;
  history: HistoryEntry[];
  allowed: ProcedureActionType[];
  daysLeft: number | null;
  today: string;
  error: string | null;
  notice: string | null;
  documents: Array<{ id: string; filename: string }>;
}): string {
  const { record: r } = opts;
  const a = r.application;
  const s = r.state;
  const dl = (pairs: Array<[string, unknown]>) =>
    `<dl>${pairs.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v === '' || v === null || v === undefined ? '—' : v)}</dd>`).join('')}</dl>`;
  const clock =
    s.phase === 'awaiting-correction'
      ? `期限暂停：等待申请人补正（补正期限 ${s.correction!.answerBy}）`
      : s.consultation
        ? `期限暂停：征求意见中（自 ${s.consultation.since}）`
        : s.phase === 'closed'
          ? `已于 ${s.reply!.on} 答复`
          : s.dueOn
            ? `${s.dueOn}${opts.daysLeft !== null ? (opts.daysLeft < 0 ? `（已逾期 ${-opts.daysLeft} 个工作日）` : `（还有 ${opts.daysLeft} 个工作日）`) : ''}`
            : '尚未确认收到';
  return page({
    title: `申请 ${r.receiptCode}`,
    user: opts.user,
    csrf: opts.csrf,
    body: `<p><a href="/desk/">‹ 返回申请列表</a></p>
<h1>申请 ${e(r.receiptCode)}：${e(r.status)}</h1>
${opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : ''}
${opts.notice ? `<p class="ok" role="status">${e(opts.notice)}</p>` : ''}
<h2>期限</h2>
${dl([
  ['收到申请日期', s.receivedOn],
  ['答复期限', clock],
  [
    '延期',
    s.extension
      ? `延至 ${s.extension.newDueOn}（理由：${s.extension.reason}；批准人：${s.extension.approver}）`
      : '未延期',
  ],
  ['征求意见不计入的工作日', s.pausedWorkingDays],
  ['提交时间（终端）', r.filedAt],
  ['送达服务器时间', r.deliveredAt],
])}
${a ? personalSection(a, r.applicantKind) : '<h2>申请人</h2>\n<p>申请人信息和申请内容已按保存期限删除（统计所需的机关、类型、日期和结果保留）。</p>'}
${opts.documents.length ? `<h2>答复书</h2><ul>${opts.documents.map((d) => `<li><a href="/desk/documents/${e(d.id)}">${e(d.filename)}</a></li>`).join('')}</ul>` : ''}
<h2>办理记录</h2>
<table>
<caption>办理记录</caption>
<thead><tr><th scope="col">时间</th><th scope="col">经办人</th><th scope="col">事项</th></tr></thead>
<tbody>
${opts.history.map((h) => `<tr><td>${e(h.at)}</td><td>${e(h.who)}</td><td>${e(h.action ? ACTION_WORDS[h.action.type](h.action) : h.what)}</td></tr>`).join('\n')}
</tbody>
</table>
<h2>办理</h2>
<div class="actions">
${opts.allowed.map((t) => actionForm(t, opts.csrf, r.receiptCode, opts.today, s)).join('\n') || '<p>没有可以进行的步骤。</p>'}
</div>`,
  });
}

export function reportPage(opts: {
  user: StaffUser;
  csrf: string;
  report: AnnualReport;
  agencies: Array<{ id: string; name: string }>;
  agency: string | null;
}): string {
  const r = opts.report;
  const q = `year=${r.year}${opts.agency ? `&agency=${encodeURIComponent(opts.agency)}` : ''}`;
  const part3 = r.part3
    .map(
      (row) =>
        `<tr><th scope="row" class="level${row.level}">${e(row.label)}</th>${row.values.map((v) => `<td class="num">${v}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return page({
    title: `${r.year} 年度报告`,
    user: opts.user,
    csrf: opts.csrf,
    body: `<h1>${r.year} 年政府信息公开工作年度报告（申请部分）</h1>
<form method="get" action="/desk/report" class="filters" aria-label="选择年度和机关">
<div><label for="year">年度</label><input id="year" name="year" type="text" inputmode="numeric" value="${r.year}"></div>
<div><label for="agency">机关</label><select id="agency" name="agency">${option('', '全部机关（本专区）', !opts.agency)}${opts.agencies.map((a) => option(a.id, a.name, opts.agency === a.id)).join('')}</select></div>
<div><button type="submit">生成</button></div>
</form>
<p><a href="/desk/report.csv?${e(q)}">下载 CSV</a> · <a href="/desk/report.xlsx?${e(q)}">下载 Excel（XLSX）</a></p>
${r.identityFailures.length ? `<p class="error" role="alert">核对不平（一 + 二 ≠ 三(七) + 四）：${e(r.identityFailures.join('、'))}</p>` : '<p class="ok" role="status">核对无误：每一列 一 + 二 = 三(七) + 四。</p>'}
<table>
<caption>三、收到和处理政府信息公开申请情况</caption>
<thead><tr><th scope="col">本列数据的统计口径</th>${REPORT_COLUMNS.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${part3}
</tbody>
</table>
<table>
<caption>四、政府信息公开行政复议、行政诉讼情况</caption>
<thead><tr><th scope="col">类别</th>${PART4_COLUMNS.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${r.part4.map((row) => `<tr><th scope="row">${e(row.label)}</th>${row.values.map((v) => `<td class="num">${v}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`,
  });
}

export function retentionPage(opts: { user: StaffUser; csrf: string; preview: RetentionPreview }): string {
  const p = opts.preview;
  const total = p.months.reduce((n, m) => n + m.count, 0);
  const monthLabel = (m: string) =>
    m === 'due' ? '已到期（下次运行时删除）' : `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
  const rows = p.months
    .map(
      (m) =>
        `<tr><th scope="row">${e(monthLabel(m.month))}</th><td class="num">${m.count}</td><td>${m.first
          .map(
            (f) =>
              `<a href="/desk/applications/${e(f.receiptCode)}">${e(f.receiptCode)}</a>（${e(f.removalOn)}）`,
          )
          .join('、')}${m.count > m.first.length ? ' 等' : ''}</td></tr>`,
    )
    .join('\n');
  return page({
    title: '保存期限',
    user: opts.user,
    csrf: opts.csrf,
    body: `<h1>申请人信息的保存期限</h1>
<p>答复后 ${p.applicationDays} 天，申请人信息和申请内容（姓名、证件、联系方式、所需信息的描述）自动删除；删除在到期后的下一次整点运行时进行。答复后又有送达、复议或诉讼等办理步骤的，从最后一步起重新计算。</p>
<p class="ok" role="note">年度报告的统计保留：查询码、受理机关、申请人类型、收到和答复日期、办理结果以及复议诉讼情况不删除，报告的每一个数字不受影响。</p>
<table>
<caption>将要删除的申请（共 ${total} 份）</caption>
<thead><tr><th scope="col">删除月份</th><th scope="col">份数</th><th scope="col">最先删除的查询码（删除日期）</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="3">没有已答复、尚待删除个人信息的申请。</td></tr>'}
</tbody>
</table>`,
  });
}

export function usersPage(opts: {
  user: StaffUser;
  csrf: string;
  users: StaffUser[];
  agencies: Array<{ id: string; name: string }>;
  error: string | null;
  created: { username: string; password: string } | null;
}): string {
  return page({
    title: '账号',
    user: opts.user,
    csrf: opts.csrf,
    body: `<h1>工作人员账号</h1>
${opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : ''}
${opts.created ? `<p class="ok" role="status">已创建 ${e(opts.created.username)}，初始密码：<code>${e(opts.created.password)}</code>（只显示这一次）</p>` : ''}
<table>
<caption>账号列表</caption>
<thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">负责的机关</th></tr></thead>
<tbody>
${opts.users.map((u) => `<tr><td>${e(u.username)}</td><td>${e(u.displayName)}</td><td>${e(ROLE_LABELS[u.role])}</td><td>${e(u.agencies.join('、'))}</td></tr>`).join('\n')}
</tbody>
</table>
<h2>新建账号</h2>
<form method="post" action="/desk/users">
<input type="hidden" name="_csrf" value="${e(opts.csrf)}">
<label for="new-username">用户名</label><input id="new-username" name="username" type="text" required>
<label for="new-name">姓名</label><input id="new-name" name="displayName" type="text" required>
<label for="new-role">角色</label><select id="new-role" name="role">${STAFF_ROLES.map((r) => option(r, ROLE_LABELS[r], r === 'clerk')).join('')}</select>
<label for="new-agencies">负责的机关（经办人；可多选）</label><select id="new-agencies" name="agencies" multiple size="6">${opts.agencies.map((a) => option(a.id, a.name, false)).join('')}</select>
<div><button type="submit">创建账号</button></div>
</form>`,
  });
}

export function auditPage(opts: {
  user: StaffUser;
  csrf: string;
  entries: Array<{
    at: string;
    username: string;
    action: string;
    applicationId: number | null;
    detail: unknown;
  }>;
}): string {
  return page({
    title: '查阅记录',
    user: opts.user,
    csrf: opts.csrf,
    body: `<h1>个人信息查阅与导出记录</h1>
<table>
<caption>最近 ${opts.entries.length} 条记录</caption>
<thead><tr><th scope="col">时间</th><th scope="col">用户</th><th scope="col">操作</th><th scope="col">申请编号</th><th scope="col">详情</th></tr></thead>
<tbody>
${opts.entries.map((x) => `<tr><td>${e(x.at)}</td><td>${e(x.username)}</td><td>${e(x.action)}</td><td>${e(x.applicationId ?? '')}</td><td>${e(JSON.stringify(x.detail))}</td></tr>`).join('\n')}
</tbody>
</table>`,
  });
}

function personalSection(a: Application, applicantKind: string): string {
  const p = a.applicant;
  const dl = (pairs: Array<[string, unknown]>) =>
    `<dl>${pairs.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v === '' || v === null || v === undefined ? '—' : v)}</dd>`).join('')}</dl>`;
  return `<h2>申请人</h2>
${dl(
  p.type === 'citizen'
    ? [
        ['类型', APPLICANT_TYPE_LABELS[p.type]],
        ['姓名', p.name],
        ['证件', `${ID_TYPE_LABELS[p.idType]} ${p.idNumber}`],
        ['工作单位', p.workUnit],
      ]
    : [
        ['类型', `${APPLICANT_TYPE_LABELS[p.type]}（${applicantKind}）`],
        ['名称', p.name],
        ['统一社会信用代码', p.uscc],
        ['法定代表人', p.legalRepresentative],
        ['联系人', p.contactPerson],
      ],
)}
${dl([
  ['联系电话', a.contact.phone],
  ['电子邮箱', a.contact.email],
  ['通信地址', a.contact.address],
  ['邮政编码', a.contact.postCode],
  ['工作人员代填', a.staffAssisted ? '是' : '否'],
])}
<h2>所需信息</h2>
${dl([
  ['受理机关', a.request.agencyName || a.request.agencyId],
  ['信息名称', a.request.title],
  ['文号', a.request.documentNumber],
  ['内容描述', a.request.description],
  ['获取信息的方式', a.media.map((m) => MEDIUM_LABELS[m]).join('、')],
  ['提供方式', a.deliveries.map((d) => DELIVERY_LABELS[d]).join('、')],
])}
`;
}
