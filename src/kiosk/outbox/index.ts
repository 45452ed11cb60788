// The kiosk's one outbox, started at boot once the config is known.
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { kioskFetch } from '../auth/signed-fetch.ts';
import { outboxDb } from './db.ts';
import { getIntakeKey } from './intake-key.ts';
import { Outbox } from './outbox.ts';

declare const __APP_VERSION__: string;

let instance: Outbox | null = null;

/** Creates and starts the outbox (idempotent); sends what a previous run left at once. */
export function startOutbox(config: KioskConfig | null): Outbox {
  if (instance) return instance;
  instance = new Outbox({
    db: outboxDb(),
    serverUrl: config?.serverUrl ?? '',
    // Signed by this kiosk's enrolled key (auth/signed-fetch.ts); unenrolled, the server's 401 keeps them queued.
    fetch: kioskFetch,
    meta: {
      ...(config?.site ? { site: config.site } : {}),
      appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
    },
  });
  instance.start();
  // Fetch and cache the intake key while online, so a later offline start can still take applications.
  void getIntakeKey(outboxDb(), config).catch(() => null);
  return instance;
}

export function getOutbox(config: KioskConfig | null): Outbox {
  return instance ?? startOutbox(config);
}
