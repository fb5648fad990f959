// lsp.js: how fast `pregon lsp` answers an edit.  Over stdio, with
// vscode-jsonrpc (tests/package.json), it opens bench/lsp-aviso.md (a post
// of about 2,000 characters), sends N didChange edits one after another and
// times each from the didChange to its textDocument/publishDiagnostics.
// The debounce is disabled with initializationOptions {"demora_ms": 0}.
// Prints one line: the median and the 90th percentile in milliseconds.
//
//   NODE_PATH=tests/node_modules node bench/lsp.js ./pregon [N]   (N: 500)
// PREGON_DATA must name the checkout when the binary is not installed.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');

const binary = path.resolve(process.argv[2] || './pregon');
const n = Number(process.argv[3] || 500);
const post = path.join(__dirname, 'lsp-aviso.md');
const text = fs.readFileSync(post, 'utf8');
const uri = `file://${post}`;

// Each edit changes a figure and toggles a missing accent, as typing does.
const edit = (i) => text.replace('12 colonias', `${12 + (i % 7)} colonias`)
  .replace('esta información', i % 2 ? 'esta informacion' : 'esta información');

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

(async () => {
  const server = spawn(binary, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'],
    env: { PREGON_TODAY: '2026-03-10', ...process.env } });
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  let waiting = null;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (waiting && p.version === waiting.version) waiting.resolve(process.hrtime.bigint());
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {},
    initializationOptions: { demora_ms: 0 } });
  await conn.sendNotification('initialized', {});
  const published = (version) => new Promise((resolve) => { waiting = { version, resolve }; });
  let done = published(1);
  await conn.sendNotification('textDocument/didOpen',
    { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await done;
  const times = [];
  for (let i = 0; i < n; i++) {
    const version = i + 2;
    done = published(version);
    const start = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didChange',
      { textDocument: { uri, version }, contentChanges: [{ text: edit(i) }] });
    times.push(Number((await done) - start) / 1e6);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  times.sort((a, b) => a - b);
  const chars = [...text].length;
  console.log(`lsp: ${n} ediciones de un texto de ${chars} caracteres, de didChange a publishDiagnostics: ` +
    `mediana ${quantile(times, 0.5).toFixed(3)} ms, p90 ${quantile(times, 0.9).toFixed(3)} ms`);
  conn.dispose();
})();
