// The register's CSV layout: one row per application, columns as the office reads them.
import { APPLICANT_TYPE_LABELS, DELIVERY_LABELS, MEDIUM_LABELS } from '../../core/application/schema.ts';
import { ID_TYPE_LABELS } from '../../core/application/validators.ts';
import { provisionalLabel, type CurrentDue } from '../due-dates.ts';
import { OUTBOX_MAX_AGE_DAYS } from '../../core/application/filing-time.ts';
import { asText } from '../csv.ts';
import { DEFAULT_TIME_ZONE, localTime } from '../site-time.ts';
import type { ExportRow } from '../store.ts';

export const CSV_HEADER = [
  '编号',
  '查询码',
  '状态',
  '状态说明',
  '提交时间',
  '送达服务器时间',
  '收到申请日期',
  '答复期限',
  '答复期限说明',
  '收到日期规则',
  '申请人类型',
  '姓名/名称',
  '证件类型',
  '证件号码',
  '统一社会信用代码',
  '信用代码已确认',
  '法定代表人',
  '联系人',
  '工作单位',
  '联系电话',
  '电子邮箱',
  '通信地址',
  '邮政编码',
  '信息名称',
  '文号',
  '内容描述',
  '受理机关',
  '获取信息的方式',
  '提供方式',
  '同意公开申请',
  '工作人员代填',
  '终端',
  '申请编号(clientId)',
  '个人信息已删除',
  '提交时间核对',
] as const;

/** Why the filing time is the server's delivery time rather than the kiosk's (filing-time.ts). */
const FILING_FLAG_LABELS: Record<string, string> = {
  'filed-in-future': `终端时钟在未来，按送达服务器的时间计`,
  'queued-too-long': `在终端等待超过${OUTBOX_MAX_AGE_DAYS}天，按送达服务器的时间计`,
};

/** The personal columns of a row whose personal data the retention period deleted (from 姓名/名称 to 内容描述). */
const DELETED = '（已按保存期限删除）';

/** A register row whose due date was counted on the live calendar (see due-dates.ts). */
export type DatedExportRow = ExportRow & CurrentDue;

/** One row; times in the site's zone (kiosk-config timeZone), as the office's clocks show them. */
export function csvRow(r: DatedExportRow, timeZone: string = DEFAULT_TIME_ZONE): unknown[] {
  const a = r.application;
  const head = [
    r.number,
    asText(r.receiptCode),
    r.status,
    r.statusNote,
    localTime(r.filedAt, timeZone, true),
    localTime(r.deliveredAt, timeZone, true),
    r.receivedOn ?? '',
    r.dueOn ?? '',
    provisionalLabel(r),
    r.receiptRule === 'in-person' ? '当面提交' : '双方确认',
    APPLICANT_TYPE_LABELS[r.applicantType],
  ];
  const flag = typeof r.meta.filingTimeFlag === 'string' ? r.meta.filingTimeFlag : '';
  const tail = [
    String(r.meta.kioskId ?? r.meta.site ?? ''),
    r.clientId,
    r.personalDeletedAt ?? '',
    flag ? (FILING_FLAG_LABELS[flag] ?? flag) : '',
  ];
  if (!a) {
    // 姓名/名称 … 内容描述 gone; the agency and the rest of the statistics stay.
    return [
      ...head,
      DELETED,
      ...Array<string>(14).fill(''),
      r.agencyId,
      '',
      '',
      '',
      r.staffAssisted ? '是' : '否',
      ...tail,
    ];
  }
  const p = a.applicant;
  return [
    ...head,
    p.name,
    p.type === 'citizen' ? ID_TYPE_LABELS[p.idType] : '',
    p.type === 'citizen' ? asText(p.idNumber) : '',
    p.type === 'organization' ? asText(p.uscc) : '',
    p.type === 'organization' ? (p.usccConfirmed ? '是' : '否') : '',
    p.type === 'organization' ? p.legalRepresentative : '',
    p.type === 'organization' ? p.contactPerson : '',
    p.type === 'citizen' ? p.workUnit : '',
    asText(a.contact.phone),
    a.contact.email,
    a.contact.address,
    asText(a.contact.postCode),
    a.request.title,
    a.request.documentNumber,
    a.request.description,
    a.request.agencyName || a.request.agencyId,
    a.media.map((m) => MEDIUM_LABELS[m]).join('、'),
    a.deliveries.map((d) => DELIVERY_LABELS[d]).join('、'),
    a.consentToPublish ? '是' : '否',
    a.staffAssisted ? '是' : '否',
    ...tail,
  ];
}
