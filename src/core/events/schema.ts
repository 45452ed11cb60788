// Events a kiosk reports to the zone server (POST /api/v1/events). One schema for the kiosk that sends them and the
// server that checks them. No personal data: which site and kiosk, what happened, when.
import { z } from 'zod';

/** The kiosk-config `site` (a slug), or 'unknown' from a kiosk without a config. */
export const EventSiteSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'site: a-z, 0-9, - (1-63)');

/** The kiosk's own id, as in its heartbeats. */
export const EventKioskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'kioskId: letters, digits, . _ - (1-100)');

/** 呼叫工作人员: a visitor asks for help at this kiosk. */
export const CallStaffEventSchema = z.object({
  kind: z.literal('call-staff'),
  site: EventSiteSchema,
  /** Optional: older kiosks send only the site. */
  kioskId: EventKioskIdSchema.optional(),
  /** The kiosk's clock when the button was pressed (the server also records when it received the event). */
  at: z.iso.datetime({ offset: true }),
});
export type CallStaffEvent = z.infer<typeof CallStaffEventSchema>;

/** Every event kind; unknown keys are dropped (a newer kiosk may send more than this server knows). */
export const KioskEventSchema = z.discriminatedUnion('kind', [CallStaffEventSchema]);
export type KioskEvent = z.infer<typeof KioskEventSchema>;
export type KioskEventKind = KioskEvent['kind'];

/**
 * An item page opened at a kiosk (POST /api/v1/item-opened, counted for the frequently requested shelf, Art. 44).
 * Which item and which site only: no kiosk id, no visitor, no query, and the kiosk's clock is not needed.
 */
export const ItemOpenedEventSchema = z.object({
  kind: z.literal('item-opened'),
  site: EventSiteSchema,
  itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'itemId: letters, digits, _ - (1-64)'),
});
export type ItemOpenedEvent = z.infer<typeof ItemOpenedEventSchema>;

/** What POST /api/v1/events answers with 202. */
export interface EventAccepted {
  id: number;
  kind: KioskEventKind;
  /** True when the same kiosk already had an open call a few minutes ago: that call is reused, not a new one. */
  repeated: boolean;
  receivedAt: string;
}
