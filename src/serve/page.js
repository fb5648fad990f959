// page.js: the page of `pregon serve`.  It sends the draft to POST
// /api/check as the user types (debounced) and shows pregon's answer: the
// verdict, the length as pregon counts it, the findings in place and in a
// list whose suggestions apply with a click.  Nothing is counted or judged
// here; the API's offsets are UTF-8 bytes, mapped to the text area's UTF-16.
// The highlight layer holds only text the API has checked, with every
// personal datum masked, so the page never shows one in full.
'use strict';

const DEBOUNCE_MS = 300;
const VERDICTS = { publish: 'publicar', review: 'revisar', block: 'bloquear' };
const SEVERITIES = { error: 'error', warning: 'advertencia', info: 'aviso' };
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const PLATFORM_LABELS = {
  x: 'X', facebook: 'Facebook', instagram: 'Instagram', threads: 'Threads',
  tiktok: 'TikTok', linkedin: 'LinkedIn', youtube: 'YouTube',
};
const MASK = '\u2022';

const $ = (id) => document.getElementById(id);
const area = $('texto');
const backdrop = $('backdrop');

let timer = null;
let inFlight = null;     // the AbortController of the pending request
let checked = null;      // { text, file } of the last answer shown

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// index[b] = the UTF-16 index of byte b of the UTF-8 form of `text`.
function byteIndex(text) {
  const index = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) index.push(i);
    i += ch.length;
  }
  index.push(i);
  return index;
}

function spanOf(finding, index) {
  const last = index.length - 1;
  const from = index[Math.min(finding.offset, last)];
  const to = index[Math.min(finding.offset + finding.length, last)];
  return [from, to];
}

// The highlight layer: the checked text cut at every finding's ends, each
// piece marked with the gravest finding over it; personal data masked.
function drawBackdrop(text, findings, index) {
  backdrop.replaceChildren();
  const spans = findings.map((f) => ({ f, span: spanOf(f, index) }));
  const cuts = new Set([0, text.length]);
  spans.forEach(({ span }) => { cuts.add(span[0]); cuts.add(span[1]); });
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const over = spans.filter(({ span }) => span[0] <= a && b <= span[1] && span[0] < span[1]);
    let piece = text.slice(a, b);
    if (over.some(({ f }) => f.category === 'personal-data'))
      piece = [...piece].map((c) => (/\s/.test(c) ? c : MASK)).join('');
    if (!over.length) {
      backdrop.append(piece);
      continue;
    }
    const worst = over.reduce((w, { f }) =>
      (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');
    backdrop.append(el('mark', worst, piece));
  }
  // a final line break needs something after it to take up its line
  backdrop.append('\n ');
  backdrop.scrollTop = area.scrollTop;
}

function drawVerdict(file) {
  const box = $('veredicto');
  box.className = 'verdict ' + (file.error ? 'trouble' : file.verdict);
  if (file.error) {
    $('verdict-label').textContent = 'No se pudo revisar: ' + file.error;
    $('score').textContent = '';
    $('length').textContent = '';
    return;
  }
  $('verdict-label').textContent = 'Veredicto: ' + VERDICTS[file.verdict];
  $('score').textContent = `Puntuación ${file.score}/100`;
  const m = file.metrics;
  const platform = $('platform').value;
  const length = $('length');
  if (platform && m.longitud !== undefined) {
    length.textContent = `Longitud en ${PLATFORM_LABELS[platform] || platform}: ` +
      `${m.longitud} de ${m.longitud_maxima}`;
    length.classList.toggle('over', m.longitud > m.longitud_maxima);
  } else {
    length.textContent = `${m.caracteres} caracteres, ${m.palabras} palabras`;
    length.classList.remove('over');
  }
}

// The list's offsets hold only for the text they were computed on.
const current = () => checked !== null && area.value === checked.text;

function selectSpan(span) {
  area.focus();
  if (current()) area.setSelectionRange(span[0], span[1]);
}

function applySuggestion(span, replacement) {
  if (!current()) return;
  area.setRangeText(replacement, span[0], span[1], 'end');
  area.focus();
  checkNow();
}

function drawFindings(findings, index) {
  const list = $('findings');
  list.replaceChildren();
  $('findings-empty').hidden = findings.length > 0;
  for (const f of findings) {
    const span = spanOf(f, index);
    const item = el('li', 'finding ' + f.severity);
    const locate = el('button', 'locate',
      `Línea ${f.line}, columna ${f.column}: ${SEVERITIES[f.severity]}`);
    locate.type = 'button';
    locate.addEventListener('click', () => selectSpan(span));
    item.append(locate, el('p', 'message', f.message));
    item.append(el('p', 'meta', `Regla ${f.rule} · criterio ${f.criterio}`));
    const sugs = el('div', 'suggestions');
    for (const s of f.suggestions) {
      const b = el('button', 'apply', `Aplicar «${s}»`);
      b.type = 'button';
      b.addEventListener('click', () => applySuggestion(span, s));
      sugs.append(b);
    }
    if (f.suggestions.length) item.append(sugs);
    list.append(item);
  }
}

function showTrouble(message) {
  $('veredicto').className = 'verdict trouble';
  $('verdict-label').textContent = message;
  $('score').textContent = '';
  $('length').textContent = '';
}

function request(text) {
  const body = { text };
  for (const key of ['platform', 'date', 'topic', 'account']) {
    const v = $(key).value;
    if (v) body[key] = v;
  }
  const headers = { 'Content-Type': 'application/json' };
  const token = $('token').value;
  if (token) headers.Authorization = 'Bearer ' + token;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

async function checkNow() {
  clearTimeout(timer);
  if (inFlight) inFlight.abort();
  const text = area.value;
  const control = new AbortController();
  inFlight = control;
  let answer;
  let status;
  try {
    const r = await fetch('/api/check', { ...request(text), signal: control.signal });
    status = r.status;
    answer = await r.json();
  } catch (e) {
    if (e.name !== 'AbortError') showTrouble('No se pudo hablar con el servidor de pregon.');
    return;
  }
  if (control !== inFlight || text !== area.value) return; // a newer one is coming
  inFlight = null;
  if (status === 401) $('token-field').hidden = false;
  if (status !== 200) {
    showTrouble(answer.error || `El servidor respondió ${status}.`);
    return;
  }
  const file = answer.files[0];
  const findings = file.findings;
  const index = byteIndex(text);
  checked = { text, file };
  drawVerdict(file);
  drawFindings(findings, index);
  drawBackdrop(text, findings, index);
}

function scheduleCheck() {
  checked = null;
  backdrop.replaceChildren(); // unchecked text never goes to the page
  clearTimeout(timer);
  timer = setTimeout(checkNow, DEBOUNCE_MS);
}

function fillSelect(select, ids, label) {
  for (const id of ids) {
    const o = el('option', '', label(id));
    o.value = id;
    select.append(o);
  }
}

async function loadOptions() {
  try {
    const r = await fetch('/api/opciones');
    const o = await r.json();
    fillSelect($('platform'), o.platforms, (id) => PLATFORM_LABELS[id] || id);
    fillSelect($('topic'), o.topics, (id) => id.replace(/-/g, ' '));
  } catch {
    showTrouble('No se pudo hablar con el servidor de pregon.');
  }
}

area.addEventListener('input', scheduleCheck);
area.addEventListener('scroll', () => { backdrop.scrollTop = area.scrollTop; });
for (const id of ['platform', 'date', 'topic', 'account', 'token'])
  $(id).addEventListener('change', () => { if (area.value) checkNow(); });
$('contexto').addEventListener('submit', (e) => e.preventDefault());
loadOptions();
