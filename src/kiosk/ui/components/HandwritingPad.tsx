// The handwriting pad (手写): one character written with a finger in a box, candidates after each stroke; a
// candidate goes into the field and clears the box. Strokes and candidates live in this component only, so
// closing the pad or the idle reset leaves nothing behind. The recogniser and its data load on first open.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { backspace, pick } from '../../keyboard/controller.ts';
import type { HandwritingRecogniser } from '../../keyboard/handwriting/recognise.ts';
import { loadRecogniser } from '../../keyboard/handwriting/load.ts';
import type { Point } from '../../keyboard/handwriting/pack.ts';
import type { Candidate } from '../../keyboard/ime.ts';
import { CandidatePages, Key } from './KeyboardKeys.tsx';

/** The writing box's side in CSS px (elder mode scales it with the keys, see .osk-pad-canvas). */
const SIDE = 320;

export function HandwritingPad() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const [recogniser, setRecogniser] = useState<HandwritingRecogniser | null>(null);
  const [failed, setFailed] = useState(false);
  const [candidates, setCandidates] = useState<Candidate[]>([]);

  useEffect(() => {
    let live = true;
    loadRecogniser().then(
      (r) => live && setRecogniser(r),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const context = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return null;
    // Points are in SIDE units whatever the box's size on screen.
    ctx.setTransform(c.width / SIDE, 0, 0, c.height / SIDE, 0, 0);
    ctx.lineWidth = 8;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = getComputedStyle(c).color;
    return ctx;
  };

  const clear = () => {
    strokes.current = [];
    drawing.current = null;
    setCandidates([]);
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
  };

  const recognise = () => {
    if (!recogniser || !strokes.current.length) return;
    const t0 = performance.now();
    const found = recogniser.recognise(strokes.current, SIDE, 16);
    setCandidates(found.map((r) => ({ text: r.char, consumes: 0 })));
    // Read by the e2e test and the bench: stroke end → candidates computed.
    canvas.current?.setAttribute('data-recognise-ms', (performance.now() - t0).toFixed(1));
  };
  // Strokes drawn before the data arrived are recognised as soon as it has.
  useEffect(recognise, [recogniser]);

  const at = (e: PointerEvent): Point => {
    const r = canvas.current!.getBoundingClientRect();
    return [((e.clientX - r.left) * SIDE) / r.width, ((e.clientY - r.top) * SIDE) / r.height];
  };

  const down = (e: PointerEvent) => {
    e.preventDefault();
    canvas.current?.setPointerCapture(e.pointerId);
    drawing.current = [at(e)];
  };
  const move = (e: PointerEvent) => {
    const s = drawing.current;
    if (!s) return;
    const p = at(e);
    const last = s[s.length - 1]!;
    s.push(p);
    const ctx = context();
    if (!ctx) return;
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...p);
    ctx.stroke();
  };
  const up = (e: PointerEvent) => {
    const s = drawing.current;
    if (!s) return;
    drawing.current = null;
    s.push(at(e));
    strokes.current.push(s);
    recognise();
  };

  const choose = (c: Candidate) => {
    pick(c);
    clear();
  };

  return (
    <div class="osk-handwriting">
      <div class="osk-candidates">
        <CandidatePages candidates={candidates} onPick={choose} />
      </div>
      <div class="osk-row">
        <canvas
          ref={canvas}
          class="osk-pad-canvas"
          width={SIDE * 2}
          height={SIDE * 2}
          role="img"
          aria-label={t('kb.padArea')}
          aria-busy={!recogniser && !failed}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        />
        <div class="osk-pad-keys">
          <Key label={t('kb.rewrite')} onPress={clear} wide />
          <Key label="⌫" name={t('kb.backspace')} onPress={backspace} wide />
        </div>
      </div>
      {failed ? <p role="alert">{t('kb.padFailed')}</p> : null}
    </div>
  );
}
