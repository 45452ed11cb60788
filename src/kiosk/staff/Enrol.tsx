// Enrolment on the staff screen: a kiosk not yet enrolled has no staff PIN (the server serves kiosk-config's staff
// section to enrolled kiosks only), so staff type the one-time code they created on the server instead. The code
// is the authority here; once enrolled, the kiosk reloads kiosk-config and the PIN pad takes over.
import { useState } from 'preact/hooks';
import { enrolWithCode } from '../auth/enrolment.ts';
import { loadConfig } from '../config/load-config.ts';
import { setKioskState } from '../state.ts';

const CODE_DIGITS = 10;

export function EnrolPad() {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy || code.length !== CODE_DIGITS) return;
    setBusy(true);
    setMessage('正在登记…');
    const result = await enrolWithCode(code);
    setCode('');
    if (!result.ok) {
      setBusy(false);
      setMessage(
        result.code === 'bad_code'
          ? '登记码无效、已用过或已过期，请在服务器上重新生成。'
          : `登记失败：${result.message}`,
      );
      return;
    }
    setMessage(`已登记：${result.enrolment.name}（${result.enrolment.site}）`);
    const config = await loadConfig();
    if (config.ok) setKioskState({ config: config.config });
    setBusy(false);
  };

  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  const add = (d: string) => setCode((c) => (c.length < CODE_DIGITS ? c + d : c));
  const shown = code.replace(/(\d{5})(?=\d)/g, '$1 ');
  return (
    <div class="staff-pin">
      <h2>终端尚未登记</h2>
      <p>请在服务器的工作人员页面（或 kiosk-bundle enrol-code）生成一次性登记码，在此输入。</p>
      <p class="staff-pin-dots" aria-label={`登记码已输入 ${code.length} 位`}>
        {code.length ? shown : '请输入 10 位登记码'}
      </p>
      <p role="status" class="staff-error">
        {message}
      </p>
      <div class="staff-pad" role="group" aria-label="登记码键盘">
        {digits.map((d) => (
          <button key={d} type="button" class="button secondary" disabled={busy} onClick={() => add(d)}>
            {d}
          </button>
        ))}
        <button type="button" class="button secondary" disabled={busy} onClick={() => setCode('')}>
          清除
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={() => add('0')}>
          0
        </button>
        <button
          type="button"
          class="button"
          disabled={busy || code.length !== CODE_DIGITS}
          onClick={() => void submit()}
        >
          登记
        </button>
      </div>
    </div>
  );
}
