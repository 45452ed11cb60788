// 朗读: reads the current page aloud with speechSynthesis and a Chinese voice, when the system has one
// (Barrier-Free Environment Construction Law Art. 33: self-service terminals offer voice).

export function synth(): SpeechSynthesis | null {
  return typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
}

/** The system's zh-CN voice (or another Chinese one), null when there is none. */
export function chineseVoice(): SpeechSynthesisVoice | null {
  const s = synth();
  if (!s) return null;
  const voices = s.getVoices();
  return (
    voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'zh-cn') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ??
    null
  );
}

/** Calls back now and whenever the voice list changes (voices load asynchronously). */
export function watchVoice(cb: (voice: SpeechSynthesisVoice | null) => void): () => void {
  const s = synth();
  cb(chineseVoice());
  if (!s) return () => {};
  const on = () => cb(chineseVoice());
  s.addEventListener('voiceschanged', on);
  return () => s.removeEventListener('voiceschanged', on);
}

/** The text a reader should hear: the main area, without hidden parts and QR codes. */
export function pageText(root: HTMLElement): string {
  return root.innerText.replace(/\s+\n/g, '\n').trim();
}

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void): void {
  const s = synth();
  if (!s) return;
  s.cancel();
  // Long pages are read in pieces: some engines stop after about 15 seconds of one utterance.
  const pieces = text.split(/(?<=[。！？；\n])/).filter((p) => p.trim());
  pieces.forEach((piece, i) => {
    const u = new SpeechSynthesisUtterance(piece);
    try {
      u.voice = voice;
    } catch {
      /* a voice object the engine does not accept: the language still picks one */
    }
    u.lang = voice.lang;
    u.rate = 0.9;
    if (i === pieces.length - 1) u.onend = onEnd;
    s.speak(u);
  });
  if (!pieces.length) onEnd();
}

export function stopSpeaking(): void {
  synth()?.cancel();
}
