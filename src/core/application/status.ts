// Status words of an application, as the annual reports use them (Art. 36 reply types), plus the steps before a reply.

/** Filed from a kiosk at an 'electronic' site and not yet confirmed received by the office (Art. 31(3)). */
export const PENDING_STATUS = '待确认';

/** Steps before the reply. */
export const PROGRESS_STATUSES = ['已受理', '需补正', '延期'] as const;
/** Reply types (Art. 36, as grouped in the annual report template). */
export const REPLY_STATUSES = [
  '予以公开',
  '部分公开',
  '不予公开',
  '无法提供',
  '不予处理',
  '其他处理',
] as const;

export const APPLICATION_STATUSES = [PENDING_STATUS, ...PROGRESS_STATUSES, ...REPLY_STATUSES] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export function isApplicationStatus(s: unknown): s is ApplicationStatus {
  return typeof s === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(s);
}

/** True once the office has replied (the case is closed). */
export function isReplyStatus(s: ApplicationStatus): boolean {
  return (REPLY_STATUSES as readonly string[]).includes(s);
}

/** One sentence for the visitor checking status. */
export const STATUS_EXPLANATIONS: Record<ApplicationStatus, string> = {
  待确认: '申请已送达，等待工作人员确认收到；确认之日为收到申请之日。',
  已受理: '申请已收到，正在办理。',
  需补正: '申请内容需要补正，工作人员会联系您说明需要补充的内容。',
  延期: '答复期限已延长（最长20个工作日），工作人员会告知您。',
  予以公开: '已答复：予以公开。',
  部分公开: '已答复：部分公开。',
  不予公开: '已答复：不予公开，答复书中说明了理由。',
  无法提供: '已答复：无法提供（例如信息不存在或不属于本机关负责公开）。',
  不予处理: '已答复：不予处理（例如属于信访、投诉或重复申请）。',
  其他处理: '已答复：其他处理。',
};
