// Validator messages (src/core/application/messages.ts) in the kiosk's language: the shared validators give the
// Chinese text and the message's key, so the English form shows the same message in English.
import { formatMessage, type MessageRef } from '../../core/application/messages.ts';
import { getLang } from './strings.ts';

/** The text of a validator message for the visitor: the Chinese text in Chinese, the catalogue's English in English. */
export function issueText(issue: { message: string; msg?: MessageRef | undefined }): string {
  if (getLang() === 'zh-CN' || !issue.msg) return issue.message;
  return formatMessage(issue.msg, 'en');
}
