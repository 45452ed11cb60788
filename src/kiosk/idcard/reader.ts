// The ID-card reader (issue 14): terminals expose their second-generation ID-card reader as a vendor service on
// localhost. One interface, one adapter per protocol, and a simulator for tests and demos. Only the name and the ID
// number are kept from a read; the photo, address and the rest of the card are dropped on arrival.
import { z } from 'zod';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';

export interface IdCardData {
  name: string;
  idNumber: string;
}

export type IdCardProblem = 'unavailable' | 'no-card' | 'bad-data';

export class IdCardError extends Error {
  constructor(
    readonly problem: IdCardProblem,
    message: string,
  ) {
    super(message);
    this.name = 'IdCardError';
  }
}

export interface IdCardReader {
  /** Reads the card on the reader; rejects with an IdCardError. */
  read(signal?: AbortSignal): Promise<IdCardData>;
}

type ReaderConfig = NonNullable<KioskConfig['idCardReader']>;

/** What a read may hand on: a name and an 18-character resident ID number, nothing else. */
const CardSchema = z.object({
  name: z.string().trim().min(1).max(60),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/)
    .transform((s) => s.toUpperCase()),
});

function card(name: unknown, idNumber: unknown): IdCardData {
  const parsed = CardSchema.safeParse({ name, idNumber });
  if (!parsed.success)
    throw new IdCardError('bad-data', 'the reader answered without a usable name and number');
  return parsed.data;
}

const TIMEOUT_MS = 8000;

/**
 * The Chinese Vision (华视 CVR-100 series) local service, common on 政务 terminals: HTTP on 127.0.0.1:19196,
 * `GET /OpenDevice` then `GET /readcard`, each answering JSON with `resultFlag` (0 = success) and `errorMsg`; a
 * read carries `partyName` and `certNumber` (and the photo, address, … which are not read here).
 */
export const CVR_HTTP_DEFAULT_URL = 'http://127.0.0.1:19196';

const CvrAnswerSchema = z.looseObject({
  resultFlag: z.union([z.number(), z.string()]),
  errorMsg: z.string().optional(),
  partyName: z.string().optional(),
  certNumber: z.string().optional(),
});

export function cvrHttpReader(baseUrl: string, fetchImpl: typeof fetch = fetch): IdCardReader {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async (path: string, signal?: AbortSignal) => {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetchImpl(`${base}/${path}?t=${Date.now()}`, { signal: both, cache: 'no-store' });
    } catch {
      throw new IdCardError('unavailable', 'the reader service did not answer');
    }
    if (!res.ok) throw new IdCardError('unavailable', `the reader service answered ${res.status}`);
    const parsed = CvrAnswerSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new IdCardError('bad-data', 'the reader service answered something else');
    return parsed.data;
  };
  return {
    async read(signal) {
      const open = await call('OpenDevice', signal);
      if (Number(open.resultFlag) !== 0) throw new IdCardError('unavailable', open.errorMsg ?? 'no reader');
      const answer = await call('readcard', signal);
      // A non-zero flag after a good OpenDevice: no card on the reader (or it was lifted too early).
      if (Number(answer.resultFlag) !== 0) throw new IdCardError('no-card', answer.errorMsg ?? 'no card');
      return card(answer.partyName, answer.certNumber);
    },
  };
}

/** A reader for tests and demos: always reads the same made-up card (a valid check digit). */
export const SIMULATED_CARD: IdCardData = { name: '张三', idNumber: '11010519491231002X' };

export function simulatedReader(delayMs = 300): IdCardReader {
  return {
    read: (signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve({ ...SIMULATED_CARD }), delayMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new IdCardError('unavailable', 'cancelled'));
        });
      }),
  };
}

/** The reader kiosk-config names, or null (no 读取身份证 button). */
export function readerFromConfig(config: Pick<KioskConfig, 'idCardReader'> | null): IdCardReader | null {
  const c: ReaderConfig | null | undefined = config?.idCardReader;
  if (!c) return null;
  return c.protocol === 'simulator' ? simulatedReader() : cvrHttpReader(c.url || CVR_HTTP_DEFAULT_URL);
}
