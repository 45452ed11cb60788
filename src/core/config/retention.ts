// How long the zone server keeps what it stores (kiosk-config `retention`, or the server's --retention-* options).
// The privacy notice promises destruction after the retention period (apply.privacy.howLong): this is that period.
import { z } from 'zod';

export const RetentionSchema = z.strictObject({
  /** Days after a reply (a closed application's last status change) before its personal data is deleted. */
  applicationDays: z.number().int().min(1).max(36_500).default(1095),
  /** Days kiosk heartbeats are kept. */
  heartbeatDays: z.number().int().min(1).max(3650).default(30),
  /** Days kiosk events (呼叫工作人员) are kept. */
  eventDays: z.number().int().min(1).max(3650).default(90),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const DEFAULT_RETENTION: Retention = RetentionSchema.parse({});
