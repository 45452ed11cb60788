// The register's CSV layout: one row per application, columns as the office reads them.
import { APPLICANT_TYPE_LABELS, DELIVERY_LABELS, MEDIUM_LABELS } from '../../core/application/schema.ts';
import { ID_TYPE_LABELS } from '../../core/application/validators.ts';
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
] as const;

/** One row; times in the site's zone (kiosk-config timeZone), as the office's clocks show them. */
export function csvRow(r: ExportRow, timeZone: string = DEFAULT_TIME_ZONE): unknown[] {
  const a = r.application;
  const p = a.applicant;
  return [
    r.number,
    r.receiptCode,
    r.status,
    r.statusNote,
    localTime(r.filedAt, timeZone, true),
    localTime(r.deliveredAt, timeZone, true),
    r.receivedOn ?? '',
    r.dueOn ?? '',
    r.receiptRule === 'in-person' ? '当面提交' : '双方确认',
    APPLICANT_TYPE_LABELS[p.type],
    p.name,
    p.type === 'citizen' ? ID_TYPE_LABELS[p.idType] : '',
    p.type === 'citizen' ? p.idNumber : '',
    p.type === 'organization' ? p.uscc : '',
    p.type === 'organization' ? (p.usccConfirmed ? '是' : '否') : '',
    p.type === 'organization' ? p.legalRepresentative : '',
    p.type === 'organization' ? p.contactPerson : '',
    p.type === 'citizen' ? p.workUnit : '',
    a.contact.phone,
    a.contact.email,
    a.contact.address,
    a.contact.postCode,
    a.request.title,
    a.request.documentNumber,
    a.request.description,
    a.request.agencyName || a.request.agencyId,
    a.media.map((m) => MEDIUM_LABELS[m]).join('、'),
    a.deliveries.map((d) => DELIVERY_LABELS[d]).join('、'),
    a.consentToPublish ? '是' : '否',
    a.staffAssisted ? '是' : '否',
    String(r.meta.kioskId ?? r.meta.site ?? ''),
    r.clientId,
  ];
}
