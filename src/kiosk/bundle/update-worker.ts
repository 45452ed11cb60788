/// <reference lib="webworker" />
// The update worker: downloads, verifies (JSON parsing and schema checks of megabytes of data) and imports a bundle
// off the main thread, so a visitor's screen never stutters while a bundle arrives in the background.
// One run per worker; the page terminates it after the answer.
import '../zod-jitless.ts';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import type { UpdateOutcome } from '../db/meta-db.ts';
import { fileListReader } from './channel-reader.ts';
import { acceptBundle, checkForUpdate, type UpdateProgress } from './update.ts';

declare const self: DedicatedWorkerGlobalScope;

export type UpdateWorkerRequest = {
  config: KioskConfig;
  appVersion: string;
  mode: 'activate' | 'stage';
} & ({ type: 'channel'; channelUrl: string } | { type: 'files'; files: File[] });

export type UpdateWorkerResponse =
  { type: 'progress'; progress: UpdateProgress } | { type: 'done'; outcome: UpdateOutcome };

const post = (msg: UpdateWorkerResponse) => self.postMessage(msg);

self.onmessage = (event: MessageEvent<UpdateWorkerRequest>) => {
  const req = event.data;
  const opts = {
    mode: req.mode,
    appVersion: req.appVersion,
    onProgress: (progress: UpdateProgress) => post({ type: 'progress', progress }),
  };
  const run =
    req.type === 'channel'
      ? checkForUpdate(req.config, { ...opts, channelUrl: req.channelUrl })
      : acceptBundle(fileListReader(req.files), req.config, opts);
  void run.then(
    (outcome) => post({ type: 'done', outcome }),
    (e: unknown) =>
      post({ type: 'done', outcome: { at: new Date().toISOString(), status: 'error', message: String(e) } }),
  );
};
