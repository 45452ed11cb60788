// Texts of the staff screen (staff-facing, Chinese only) and the precise reasons a bundle is refused.
import type { VerifyFailureCode } from '../../core/bundle/verify.ts';
import type { UpdateOutcome } from '../db/meta-db.ts';

export const REFUSAL_REASONS: Record<VerifyFailureCode, string> = {
  'malformed-manifest': '清单文件损坏（不是有效的 JSON）',
  'bad-signature': '签名不符：内容包可能被篡改',
  'unknown-key': '签名密钥不受信任',
  'revoked-key': '签名密钥已被吊销（kiosk-config revokedKeys）',
  'delegation-refused': '受托密钥不得再委托其他密钥',
  'wrong-site': '内容包属于其他站点',
  'from-the-future': '创建时间或版本号超前于本机时钟：请检查本机时间',
  'missing-file': '内容包不完整：缺少文件',
  'size-mismatch': '文件大小不符：内容包不完整或被截断',
  'hash-mismatch': '文件校验值不符：内容包被篡改或损坏',
  schema: '内容格式不符合要求',
  'not-newer': '版本旧于本机已接受的版本：拒绝回退',
  expired: '内容包已过期',
  'app-too-old': '需要更新版本的终端程序',
};

/** One line for the staff: what happened to the last update attempt. */
export function describeOutcome(o: UpdateOutcome): string {
  switch (o.status) {
    case 'current':
      return `已是最新（版本 ${o.version ?? '—'}），无需更新`;
    case 'staged':
      return `已导入新版本 ${o.version}，将在空闲时切换上线`;
    case 'activated':
      return `新版本 ${o.version} 已上线`;
    case 'unavailable':
      return `无法连接内容频道：${o.message ?? ''}`;
    case 'rejected': {
      const reason = o.failure ? REFUSAL_REASONS[o.failure.code] : '未知原因';
      const detail = o.failure?.path ? `（${o.failure.path}）` : '';
      return `已拒绝${o.version === undefined ? '' : `版本 ${o.version}`}：${reason}${detail}。当前内容不变。`;
    }
    case 'error':
      return `更新失败：${o.message ?? ''}。当前内容不变。`;
  }
}

export function formatBytes(n: number | null): string {
  if (n === null) return '—';
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
