// The staff screen: a PIN pad (PBKDF2 check, 5 wrong PINs lock it for 5 minutes, kept across reloads), then the
// kiosk's health, content updates from the channel or a USB stick with a progress bar, and the app version.
// It closes itself after two minutes without a touch.
import { useEffect, useRef, useState } from 'preact/hooks';
import { enrolmentState } from '../auth/enrolment.ts';
import { metaDb, type Enrolment } from '../db/meta-db.ts';
import { EnrolPad } from './Enrol.tsx';
import { useKioskState } from '../state.ts';
import { collectHealth, sendHeartbeat, type KioskHealth } from './health.ts';
import { CalendarWarning } from './CalendarWarning.tsx';
import { afterFailure, UNLOCKED, viewLock, type LockView } from './lock.ts';
import { checkPin } from './pin.ts';
import { SetAsideSection } from './SetAside.tsx';
import { TrustRootsSection } from './TrustRoots.tsx';
import { describeOutcome, formatBytes, formatTime } from './strings.ts';
import {
  APP_VERSION,
  applyPendingUpdates,
  checkChannel,
  getUpdatesState,
  loadFromFiles,
  subscribeUpdates,
  type UpdatesState,
} from './updates.ts';
import './staff.css';

export const STAFF_IDLE_MS = 120_000;

/** `?staffIdle=SECONDS` shortens the self-close for tests: honoured only in development or under automation. */
function staffIdleMs(): number {
  if (!(import.meta.env.DEV || navigator.webdriver === true)) return STAFF_IDLE_MS;
  const s = Number(new URLSearchParams(location.search).get('staffIdle'));
  return s > 0 ? s * 1000 : STAFF_IDLE_MS;
}

function useUpdates(): UpdatesState {
  const [s, set] = useState(getUpdatesState());
  useEffect(() => subscribeUpdates(set), []);
  return s;
}

function PinPad({ onUnlock }: { onUnlock: () => void }) {
  const { config } = useKioskState();
  const [pin, setPin] = useState('');
  const [lock, setLock] = useState<LockView | null>(null);
  const [message, setMessage] = useState('');
  const [checking, setChecking] = useState(false);

  const [enrolled, setEnrolled] = useState<boolean | null>(null);
  useEffect(() => {
    void enrolmentState().then((e) => setEnrolled(!!e));
  }, [config]);

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const v = viewLock(await metaDb().getValue('staffLock'), Date.now());
      if (alive) setLock(v);
    };
    void refresh();
    const id = setInterval(() => void refresh(), 1000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, []);

  if (enrolled === false) return <EnrolPad />;
  if (!config?.staffPin)
    return <p role="alert">此终端未设置工作人员密码（kiosk-config 的 staffPin），维护界面不可用。</p>;
  const staffPin = config.staffPin;
  const locked = lock?.locked ?? true;

  const submit = async () => {
    if (checking || locked || !pin) return;
    setChecking(true);
    const ok = await checkPin(pin, staffPin);
    setPin('');
    const meta = metaDb();
    if (ok) {
      await meta.setValue('staffLock', UNLOCKED);
      setChecking(false);
      onUnlock();
      return;
    }
    const next = afterFailure(await meta.getValue('staffLock'), Date.now());
    await meta.setValue('staffLock', next);
    const v = viewLock(next, Date.now());
    setLock(v);
    setMessage(v.locked ? '' : `密码错误，还可尝试 ${v.attemptsLeft} 次`);
    setChecking(false);
  };

  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div class="staff-pin">
      <p class="staff-pin-dots" aria-label={`已输入 ${pin.length} 位`}>
        {pin.length ? '●'.repeat(pin.length) : '请输入工作人员密码'}
      </p>
      {locked && lock ? (
        <p role="alert" class="staff-error">
          密码错误次数过多，已锁定。请 {Math.ceil(lock.remainingMs / 60_000)} 分钟后再试。
        </p>
      ) : (
        <p role="status" class="staff-error">
          {message}
        </p>
      )}
      <div class="staff-pad" role="group" aria-label="密码键盘">
        {digits.map((d) => (
          <button
            key={d}
            type="button"
            class="button secondary"
            disabled={locked || checking}
            onClick={() => setPin((p) => (p.length < 12 ? p + d : p))}
          >
            {d}
          </button>
        ))}
        <button
          type="button"
          class="button secondary"
          disabled={locked || checking}
          onClick={() => setPin('')}
        >
          清除
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={locked || checking}
          onClick={() => setPin((p) => (p.length < 12 ? `${p}0` : p))}
        >
          0
        </button>
        <button
          type="button"
          class="button"
          disabled={locked || checking || !pin}
          onClick={() => void submit()}
        >
          确定
        </button>
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Panel() {
  const kiosk = useKioskState();
  const updates = useUpdates();
  const [health, setHealth] = useState<KioskHealth | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  useEffect(() => {
    void enrolmentState().then(setEnrolment);
  }, []);
  const input = useRef<HTMLInputElement>(null);
  // What the last USB import did, said next to the channel outcome (a file dialog gives no other sign).
  const [fileNote, setFileNote] = useState('');

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const h = await collectHealth(kiosk.config, APP_VERSION, updates.appUpdateReady);
      if (alive) setHealth(h);
    };
    void refresh();
    const id = setInterval(() => void refresh(), 5000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [kiosk.live, updates.last, updates.staged, updates.appUpdateReady]);

  useEffect(() => {
    input.current?.setAttribute('webkitdirectory', '');
  }, []);

  const p = updates.progress;
  const percent = p && p.total ? Math.round((p.done / p.total) * 100) : 0;
  const bundle = health?.bundle;
  return (
    <div class="staff-panel">
      <section aria-labelledby="staff-health">
        <h2 id="staff-health">终端状态</h2>
        <dl class="staff-health">
          <Row label="终端编号">{health?.kioskId ?? '—'}</Row>
          <Row label="登记">
            {enrolment
              ? `${enrolment.name}（${enrolment.site}，${formatTime(enrolment.enrolledAt)}）`
              : '未登记'}
          </Row>
          <Row label="程序版本">{APP_VERSION}</Row>
          <Row label="内容版本">
            {bundle
              ? `${bundle.version}（${formatTime(bundle.createdAt)} 生成，${formatTime(bundle.expiresAt)} 到期）`
              : '无'}
          </Row>
          <Row label="最近一次成功检查更新">{formatTime(health?.lastCheckOk)}</Row>
          <Row label="待发送申请">
            {health
              ? `待发送 ${health.outbox.pending}，已送达 ${health.outbox.acknowledged}，被退回 ${health.outbox.rejected}`
              : '—'}
          </Row>
          <Row label="最近同步">{formatTime(health?.lastSync)}</Row>
          <Row label="存储">
            {health
              ? `已用 ${formatBytes(health.storage.usage)} / 配额 ${formatBytes(health.storage.quota)}，${
                  health.storage.persisted ? '已持久化' : '未持久化（可能被浏览器清理）'
                }`
              : '—'}
            {health && !health.storage.persisted ? <PersistAdvice /> : null}
          </Row>
          <Row label="网络">{health ? (health.online ? '在线' : '离线') : '—'}</Row>
        </dl>
      </section>

      <TrustRootsSection config={kiosk.config} />

      <SetAsideSection />

      <section aria-labelledby="staff-content">
        <h2 id="staff-content">内容更新</h2>
        {bundle?.frozen ? (
          <p role="alert" class="staff-warning">
            当前内容包（版本 {bundle.version}）已于 {formatTime(bundle.expiresAt)}{' '}
            过期：终端继续显示这些内容，请尽快发布新的内容包。
          </p>
        ) : null}
        <CalendarWarning />
        <div class="staff-actions">
          <button type="button" class="button" disabled={!!updates.busy} onClick={() => void checkChannel()}>
            立即检查更新
          </button>
          <label class={`button secondary${updates.busy ? ' disabled' : ''}`}>
            从U盘导入内容包（选择文件夹）
            <input
              ref={input}
              type="file"
              multiple
              class="visually-hidden"
              disabled={!!updates.busy}
              onChange={(e) => {
                const files = (e.currentTarget as HTMLInputElement).files;
                if (files?.length) {
                  setFileNote(`已选择 ${files.length} 个文件，正在校验…`);
                  void loadFromFiles([...files]).then((outcome) =>
                    setFileNote(
                      outcome ? `U盘导入（${formatTime(new Date().toISOString())}）：` : USB_NOT_STARTED,
                    ),
                  );
                } else setFileNote('没有选择文件：请选择U盘上内容包所在的文件夹（其中有 manifest.json）。');
                (e.currentTarget as HTMLInputElement).value = '';
              }}
            />
          </label>
        </div>
        {updates.busy ? (
          <div class="staff-progress">
            <div
              role="progressbar"
              aria-label={p?.phase === 'import' ? '正在导入' : '正在下载并校验'}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <div class="staff-progress-bar" style={{ width: `${percent}%` }} />
            </div>
            <p>
              {p?.phase === 'import' ? '正在导入' : '正在下载并校验'}… {p ? `${p.done}/${p.total}` : ''}
            </p>
          </div>
        ) : null}
        <p role="status" class="staff-outcome">
          {fileNote}
          {fileNote && fileNote.endsWith('…') ? '' : updates.last ? describeOutcome(updates.last) : ''}
        </p>
        {updates.staged ? (
          <p class="staff-staged">
            新内容（版本 {updates.staged.version}）已就绪，将在终端空闲时上线。
            <button type="button" class="button secondary" onClick={() => void applyPendingUpdates()}>
              立即上线
            </button>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="staff-app">
        <h2 id="staff-app">程序更新</h2>
        <p>
          {updates.appUpdateReady
            ? '新版本程序已下载，将在终端空闲时（访客离开后）自动更新。'
            : '程序已是最新版本。'}
        </p>
        <ReportNow />
      </section>
    </div>
  );
}

const USB_NOT_STARTED = '没有开始导入：另一项更新正在进行，请稍后再选一次。';

/** 立即上报状态 says what happened: sent, or why not. */
function ReportNow() {
  const kiosk = useKioskState();
  const updates = useUpdates();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const report = async () => {
    if (busy) return;
    if (!kiosk.config) {
      setNote('没有终端配置（kiosk-config），无法上报。');
      return;
    }
    setBusy(true);
    setNote('正在上报…');
    const health = await collectHealth(kiosk.config, APP_VERSION, updates.appUpdateReady);
    const ok = await sendHeartbeat(kiosk.config, health);
    const at = formatTime(new Date().toISOString());
    setNote(
      ok
        ? `已上报（${at}）：区服务器的终端状态页已更新。`
        : `上报失败（${at}）：连不上区服务器，请检查网络；终端会每隔几分钟自动重试。`,
    );
    setBusy(false);
  };
  return (
    <>
      <button type="button" class="button secondary" disabled={busy} onClick={() => void report()}>
        立即上报状态
      </button>
      <p role="status" class="staff-outcome">
        {note}
      </p>
    </>
  );
}

/** 未持久化: what it risks and what to do; asks the browser again. */
function PersistAdvice() {
  const [note, setNote] = useState('');
  const ask = async () => {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    setNote(
      granted ? '已获得持久存储。' : '浏览器仍未同意。请按部署说明（DEPLOY.md“持久存储”）处理后重启终端。',
    );
  };
  return (
    <div class="staff-advice">
      <p>
        浏览器空间紧张时，可能清除本机的内容包和尚未发送的申请。请确认 Chromium
        使用固定的用户数据目录（--user-data-dir）， 并把本终端页面安装为应用，然后点下面的按钮再申请一次。
      </p>
      <button type="button" class="button secondary" onClick={() => void ask()}>
        再次申请持久存储
      </button>
      <p role="status">{note}</p>
    </div>
  );
}

export function StaffScreen({ onClose }: { onClose: () => void }) {
  const [unlocked, setUnlocked] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  // Closes itself when nobody touches it.
  useEffect(() => {
    const idleMs = staffIdleMs();
    let timer = setTimeout(onClose, idleMs);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(onClose, idleMs);
    };
    const el = dialog.current;
    el?.addEventListener('pointerdown', touch, true);
    el?.addEventListener('keydown', touch, true);
    el?.focus();
    return () => {
      clearTimeout(timer);
      el?.removeEventListener('pointerdown', touch, true);
      el?.removeEventListener('keydown', touch, true);
    };
  }, [onClose]);

  return (
    <div
      ref={dialog}
      class="staff-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="staff-title"
      tabIndex={-1}
    >
      <header class="staff-header">
        <h1 id="staff-title">工作人员维护</h1>
        <button type="button" class="button secondary" onClick={onClose}>
          退出维护
        </button>
      </header>
      {unlocked ? <Panel /> : <PinPad onUnlock={() => setUnlocked(true)} />}
    </div>
  );
}
