// kiosk-config: per-site settings read by the kiosk at start and written by the start script / installer.
import { z } from 'zod';
import { TrustedKeySchema } from '../bundle/schema.ts';
import { RetentionSchema } from './retention.ts';

export const KioskConfigSchema = z.object({
  site: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  /** The zone's name as shown on the attract screen, e.g. 某某区政务服务中心政务公开专区. */
  hallName: z.string().min(1).max(200),
  /** The hall's staff desk, shown by 呼叫工作人员. */
  deskLocation: z.string().max(200).default(''),
  languages: z
    .array(z.enum(['zh-CN', 'en']))
    .min(1)
    .default(['zh-CN', 'en']),
  /** Base URL of the zone server ('' = same origin). */
  serverUrl: z.string().max(500).default(''),
  /** Where a visitor's phone reaches the zone server's public pages (/p/…) for QR codes; '' = serverUrl. */
  publicUrl: z.string().max(500).default(''),
  /** Where the kiosk looks for bundles: manifest.json, manifest.sig and files under it. */
  bundleChannelUrl: z.string().max(500).default('/bundle/'),
  /** Public keys whose signatures the kiosk accepts (see kiosk-bundle keygen). */
  trustedKeys: z.array(TrustedKeySchema).min(1),
  /** Key ids never trusted again (a leaked root or delegated key); they also end every delegation they made. */
  revokedKeys: z
    .array(z.string().regex(/^[0-9a-f]{16}$/))
    .max(1000)
    .default([]),
  /** The intake server's public key (JWK, ECDH P-256) that queued applications are encrypted to. */
  intakePublicKey: z.record(z.string(), z.unknown()).nullable().default(null),
  /** Art. 31: a kiosk filing counts as received the day it is filed (in person) or when the office confirms it. */
  receiptRule: z.enum(['in-person', 'electronic']).default('in-person'),
  idle: z
    .object({
      browseSeconds: z.number().int().min(15).max(3600).default(90),
      formSeconds: z.number().int().min(30).max(7200).default(300),
      warningSeconds: z.number().int().min(30).max(600).default(30),
    })
    .default({ browseSeconds: 90, formSeconds: 300, warningSeconds: 30 }),
  /** PBKDF2-SHA256 hash of the staff PIN; null disables the staff screen. */
  staffPin: z
    .object({
      iterations: z.number().int().min(100_000),
      salt: z.string().min(16),
      hash: z.string().min(32),
    })
    .nullable()
    .default(null),
  /**
   * The terminal's ID-card reader service (src/kiosk/idcard): 'cvr-http' (华视 CVR local HTTP service, url default
   * http://127.0.0.1:19196) or 'simulator' (tests and demos). null: no reader, no 读取身份证 button.
   */
  idCardReader: z
    .object({ protocol: z.enum(['cvr-http', 'simulator']), url: z.string().max(500).default('') })
    .nullable()
    .default(null),
  /** The site's time zone (IANA name): staff pages and the CSV export show local time in it. */
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone, e.g. Asia/Shanghai')
    .default('Asia/Shanghai'),
  updateCheckMinutes: z.number().int().min(1).max(1440).default(30),
  /** How long the zone server keeps personal data, heartbeats and events (read by the server, not the kiosk). */
  retention: RetentionSchema.optional(),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

/** kiosk-config's staff section: served only to enrolled kiosks (a signed request), never to anyone on the LAN. */
export const STAFF_SECTION_KEYS = ['staffPin'] as const;

/** The part of a kiosk-config file anyone may read: the staff section emptied (null, as "not set"). */
export function publicPartOf(config: Record<string, unknown>): Record<string, unknown> {
  const out = { ...config };
  for (const key of STAFF_SECTION_KEYS) if (key in out) out[key] = null;
  return out;
}
