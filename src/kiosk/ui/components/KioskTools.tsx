// The tools on every screen, always in the same place: 呼叫工作人员, 长辈版, 高对比度, the language, 朗读.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { setPrefs, usePrefs } from '../../kiosk/prefs.ts';
import { pageText, speak, stopSpeaking, watchVoice } from '../../kiosk/speech.ts';
import { CallStaff } from './CallStaff.tsx';

function ReadAloud({ path }: { path: string }) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [reading, setReading] = useState(false);
  useEffect(() => watchVoice(setVoice), []);
  // A new page stops the reading of the old one.
  useEffect(() => {
    stopSpeaking();
    setReading(false);
  }, [path]);
  if (!voice) return null;
  const toggle = () => {
    if (reading) {
      stopSpeaking();
      setReading(false);
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    setReading(true);
    speak(pageText(main), voice, () => setReading(false));
  };
  return (
    <button type="button" class="button tool" aria-pressed={reading} onClick={toggle}>
      <span aria-hidden="true">🔊 </span>
      {reading ? t('tools.stopRead') : t('tools.read')}
    </button>
  );
}

export function KioskTools({ path }: { path: string }) {
  const prefs = usePrefs();
  const other = prefs.lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <div class="tools" role="group" aria-label={t('tools.label')}>
      <CallStaff />
      <button
        type="button"
        class="button tool"
        aria-pressed={prefs.elder}
        onClick={() => setPrefs({ elder: !prefs.elder })}
      >
        <span class="check" aria-hidden="true">
          {prefs.elder ? '✓ ' : ''}
        </span>
        {t('tools.elder')}
      </button>
      <button
        type="button"
        class="button tool"
        aria-pressed={prefs.contrast}
        onClick={() => setPrefs({ contrast: !prefs.contrast })}
      >
        <span class="check" aria-hidden="true">
          {prefs.contrast ? '✓ ' : ''}
        </span>
        {t('tools.contrast')}
      </button>
      <button
        type="button"
        class="button tool"
        lang={other}
        aria-label={t('tools.langLabel')}
        onClick={() => setPrefs({ lang: other })}
      >
        {t('tools.lang')}
      </button>
      <ReadAloud path={path} />
    </div>
  );
}
