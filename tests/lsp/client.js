// client.js: `pregon lsp` driven by vscode-jsonrpc (the transport of VS
// Code's language client, tests/package.json), as an editor would: start,
// open, change, quick fixes (a suggestion, Hunspell's suggestions computed
// on demand, a suppression, adding a word to the project's list), the
// configuration re-read, close, shutdown and exit; then a second session
// that negotiates UTF-8 positions.
//
//   node tests/lsp/client.js PREGON_BINARY
// One "ok"/"FALLA" line per check; exit status 1 when any check fails.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { check, finish } = require('./checks');
const { pathToFileURL } = require('url');
const rpc = require('vscode-jsonrpc/node');

const binary = path.resolve(process.argv[2] || './pregon');

// A project of its own: a repository root, a configuration naming a word
// list, and a post with an emoji before the findings (UTF-16 != bytes).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pregon-lsp-'));
fs.mkdirSync(path.join(dir, '.git'));
const configPath = path.join(dir, '.pregon.yaml');
const config = 'version: 1\nortografia: {archivo_palabras: palabras.txt}\n';
fs.writeFileSync(configPath, config);
const wordsPath = path.join(dir, 'palabras.txt');
fs.writeFileSync(wordsPath, 'Tecate\n');
const postPath = path.join(dir, 'aviso.md');
const post = '---\nfecha: 2026-03-10\nplataforma: facebook\n---\n' +
  'Hola 👋 vecinos: la atencion es gratuita en el kiosko del parque.\n' +
  'Informes con la CURP GOMC800101HBCMRR09 del solicitante.\n';
fs.writeFileSync(postPath, post);
const uri = pathToFileURL(postPath).href;

function start(encodings, options) {
  const server = spawn(binary, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => published.push(p));
  conn.onNotification('window/showMessage', () => {});
  conn.listen();
  // A generous wait that only catches a server that never answers.
  async function waitFor(what, pred) {
    for (let i = 0; i < 1000; i++) {
      const hit = published.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    check(false, `${what}: no llegó la publicación esperada`);
    return { diagnostics: [] };
  }
  const init = conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href,
    capabilities: encodings ? { general: { positionEncodings: encodings } } : {},
    initializationOptions: options,
  });
  return { server, conn, published, waitFor, init, exited };
}

const lines = post.split('\n');
const byRule = (p, rule) => p.diagnostics.find((d) => d.code === rule);

// Apply LSP TextEdits (UTF-16 positions) to a JavaScript string.
function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (p) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  for (const e of sorted) text = text.slice(0, at(e.range.start)) + e.newText + text.slice(at(e.range.end));
  return text;
}

async function utf16Session() {
  const s = start(null, { demora_ms: 0 });
  const init = await s.init;
  check(init.capabilities.positionEncoding === 'utf-16', 'sin ofrecer codificaciones, las posiciones son UTF-16');
  check(init.capabilities.textDocumentSync.change === 1, 'sincronización completa');
  await s.conn.sendNotification('initialized', {});
  await s.conn.sendNotification('textDocument/didOpen',
    { textDocument: { uri, languageId: 'markdown', version: 1, text: post } });
  const p1 = await s.waitFor('didOpen', (p) => p.version === 1);
  const accent = byRule(p1, 'estilo.ortografia-frecuente');
  check(accent && accent.range.start.line === 4 &&
        accent.range.start.character === lines[4].indexOf('atencion') &&
        accent.range.end.character === lines[4].indexOf('atencion') + 8,
  'didOpen: «atencion» en la línea 5, columnas UTF-16 tras el emoji');
  check(accent && accent.severity === 2 && accent.source === 'pregon' &&
        /\[criterio XIX\]$/.test(accent.message) &&
        /^file:\/\/.*\/rules\/estilo\.yaml#L\d+$/.test(accent.codeDescription.href),
  'severidad, regla, criterio y enlace a la documentación de la regla');
  const json = JSON.stringify(p1);
  check(byRule(p1, 'datos-personales.curp') && !json.includes('GOMC800101HBCMRR09'),
    'la CURP se informa, y solo enmascarada');

  // On hover, the rule behind the finding.
  const hover = accent ? await s.conn.sendRequest('textDocument/hover',
    { textDocument: { uri }, position: { line: 4, character: accent.range.start.character + 2 } }) : null;
  check(hover && hover.contents.kind === 'markdown' &&
        hover.contents.value === '**estilo.ortografia-frecuente** · criterio XIX' &&
        hover.range.start.character === accent.range.start.character,
  'hover: la regla y su criterio');
  const curp = byRule(p1, 'datos-personales.curp');
  const hover2 = curp ? await s.conn.sendRequest('textDocument/hover',
    { textDocument: { uri }, position: curp.range.start }) : null;
  check(hover2 && /^\*\*datos-personales\.curp\*\* · criterio III\n\n\S/.test(hover2.contents.value) &&
        !JSON.stringify(hover2).includes('GOMC800101HBCMRR09'),
  'hover: con la descripción de la regla, sin el dato');
  check(await s.conn.sendRequest('textDocument/hover',
    { textDocument: { uri }, position: { line: 5, character: 0 } }) === null, 'hover fuera de un hallazgo: null');

  // A suggestion of the rule, applied to the text.
  const a1 = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri },
    range: accent.range, context: { diagnostics: [accent] } });
  const fix = a1.find((a) => a.title.includes('«atención»'));
  check(fix && fix.kind === 'quickfix' && fix.isPreferred, 'codeAction: «Cambiar por «atención»»');
  const fixed = fix ? applyEdits(post, fix.edit.changes[uri]) : '';
  check(fixed.split('\n')[4] === 'Hola 👋 vecinos: la atención es gratuita en el kiosko del parque.',
    'la corrección cambia exactamente la palabra');

  // Hunspell's suggestions, computed on demand; suppression; dictionary.
  const unknown = byRule(p1, 'ortografia.palabra-desconocida');
  check(unknown && lines[4].slice(unknown.range.start.character, unknown.range.end.character) === 'kiosko',
    'didOpen: «kiosko» no está en el diccionario');
  const a2 = unknown ? await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri },
    range: unknown.range, context: { diagnostics: [unknown] } }) : [];
  check(a2.some((a) => a.title === 'Cambiar por «kiosco»'), 'codeAction: sugerencias de Hunspell al pedirlas');
  const suppress = a2.find((a) => a.title.startsWith('Suprimir'));
  const suppressed = suppress ? applyEdits(post, suppress.edit.changes[uri]) : '';
  check(/^<!-- pregon-disable-next-line ortografia\.palabra-desconocida -- .+ -->$/.test(suppressed.split('\n')[4]),
    'codeAction: supresión de la regla en la línea, con motivo');
  await s.conn.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 2 }, contentChanges: [{ text: suppressed }] });
  const p2 = await s.waitFor('didChange', (p) => p.version === 2);
  check(!byRule(p2, 'ortografia.palabra-desconocida') && !p2.diagnostics.some((d) => d.code.startsWith('supresion.')),
    'didChange: la supresión aplicada calla el hallazgo');
  await s.conn.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 3 }, contentChanges: [{ text: post }] });
  const p3 = await s.waitFor('didChange', (p) => p.version === 3);
  const again = byRule(p3, 'ortografia.palabra-desconocida');
  const a3 = again ? await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri },
    range: again.range, context: { diagnostics: [again] } }) : [];
  const add = a3.find((a) => a.command && a.command.command === 'pregon.anadirPalabra');
  check(add && add.title === 'Añadir «kiosko» al diccionario del proyecto (palabras.txt)',
    'codeAction: añadir la palabra al diccionario del proyecto');
  if (add) await s.conn.sendRequest('workspace/executeCommand', add.command);
  check(fs.readFileSync(wordsPath, 'utf8') === 'Tecate\nkiosko\n', 'la lista de palabras se escribe');
  const p4 = await s.waitFor('after the new word', (p) => p.version === 3 && p !== p3);
  check(!byRule(p4, 'ortografia.palabra-desconocida'), 'con la palabra añadida el hallazgo desaparece');

  // The word list edited by hand in the editor and saved is read again.
  const wordsUri = pathToFileURL(wordsPath).href;
  await s.conn.sendNotification('textDocument/didOpen',
    { textDocument: { uri: wordsUri, languageId: 'plaintext', version: 1, text: 'Tecate\nkiosko\n' } });
  const before = s.published.length;
  fs.writeFileSync(wordsPath, 'Tecate\n');
  await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri: wordsUri } });
  const p4b = await s.waitFor('didSave palabras.txt', (p) => s.published.indexOf(p) >= before);
  check(p4b.uri === uri && byRule(p4b, 'ortografia.palabra-desconocida') &&
        !s.published.some((p) => p.uri === wordsUri),
  'guardar la lista de palabras la vuelve a leer (y no se revisa como publicación)');
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: wordsUri } });

  // The configuration is re-read when the client reports a change.
  const configChanged = async (text, what) => {
    const count = s.published.length;
    fs.writeFileSync(configPath, text);
    await s.conn.sendNotification('workspace/didChangeWatchedFiles',
      { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    return s.waitFor(what, (p) => s.published.indexOf(p) >= count);
  };
  const p5 = await configChanged(config + 'reglas: {estilo.ortografia-frecuente: false}\n', 'didChangeWatchedFiles');
  check(!byRule(p5, 'estilo.ortografia-frecuente'), 'la configuración cambiada se vuelve a leer');
  const p6 = await configChanged(config + 'reglaz: {}\n', 'bad configuration');
  check(p6.diagnostics.length === 1 && p6.diagnostics[0].code === 'configuracion' &&
        p6.diagnostics[0].message.includes('.pregon.yaml:3:1'),
  'una configuración con un error se informa con su posición');
  // ...and when the configuration, open in the editor, is saved.
  const configUri = pathToFileURL(configPath).href;
  await s.conn.sendNotification('textDocument/didOpen',
    { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: config } });
  const count = s.published.length;
  fs.writeFileSync(configPath, config);
  await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
  const p8 = await s.waitFor('didSave .pregon.yaml', (p) => s.published.indexOf(p) >= count);
  check(p8.uri === uri && byRule(p8, 'estilo.ortografia-frecuente') &&
        !s.published.some((p) => p.uri === configUri),
  'guardar el .pregon.yaml lo vuelve a leer (y no se revisa como publicación)');
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });

  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const p7 = await s.waitFor('didClose', (p) => p.diagnostics.length === 0);
  check(p7.diagnostics.length === 0, 'didClose publica []');
  check(await s.conn.sendRequest('shutdown') === null, 'shutdown responde null');
  await s.conn.sendNotification('exit');
  check(await s.exited === 0, 'exit tras shutdown: estado 0');
  s.conn.dispose();
}

async function utf8Session() {
  const s = start(['utf-8', 'utf-16'], { demora_ms: 0 });
  const init = await s.init;
  check(init.capabilities.positionEncoding === 'utf-8', 'si el cliente ofrece utf-8, el servidor lo elige');
  await s.conn.sendNotification('initialized', {});
  await s.conn.sendNotification('textDocument/didOpen',
    { textDocument: { uri, languageId: 'markdown', version: 7, text: post } });
  const p = await s.waitFor('didOpen', (x) => x.version === 7);
  const accent = byRule(p, 'estilo.ortografia-frecuente');
  const bytes = Buffer.byteLength(lines[4].slice(0, lines[4].indexOf('atencion')));
  check(accent && accent.range.start.character === bytes && accent.range.end.character === bytes + 8,
    'en UTF-8 las columnas cuentan bytes');

  // A pregon-disable-next-line already above the line: the rule joins it.
  const directive = '<!-- pregon-disable-next-line estilo.ortografia-frecuente -- cita textual -->';
  const withDirective = post.replace('Hola 👋', `${directive}\nHola 👋`);
  await s.conn.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 8 }, contentChanges: [{ text: withDirective }] });
  const p8 = await s.waitFor('didChange', (x) => x.version === 8);
  const unknown = byRule(p8, 'ortografia.palabra-desconocida');
  const actions = unknown ? await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri },
    range: unknown.range, context: { diagnostics: [unknown] } }) : [];
  const suppress = actions.find((a) => a.title.startsWith('Suprimir'));
  const edit = suppress && suppress.edit.changes[uri][0];
  check(!byRule(p8, 'estilo.ortografia-frecuente') && edit && edit.range.start.line === 4 &&
        edit.range.start.character === directive.indexOf(' --') &&
        edit.newText === ', ortografia.palabra-desconocida',
  'la supresión se suma al pregon-disable-next-line de la línea de arriba');

  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  check(await s.exited === 0, 'segunda sesión: estado 0');
  s.conn.dispose();
}

(async () => {
  try {
    await utf16Session();
    await utf8Session();
  } catch (e) {
    check(false, `excepción: ${e.stack || e}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  finish();
})();
