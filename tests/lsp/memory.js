// memory.js: a long session.  A document is opened, edited, saved, asked
// for quick fixes and closed ITERATIONS times (5,000 by default) over ten
// URIs; the server's resident memory after the first tenth and at the end
// must grow by less than 2 MB (a report and a text lost per edit
// would add about 6 MB).  With LSP_NO_RSS=1 (under valgrind or ASan, whose
// own bookkeeping is the memory figure) only their leak check, through
// the exit status, and the replies count.
//
//   node tests/lsp/memory.js PREGON_BINARY [ITERATIONS]
'use strict';
const fs = require('fs');
const path = require('path');
const { check, finish } = require('./checks');
const { connect } = require('./wire');

const binary = path.resolve(process.argv[2] || './pregon');
const iterations = Number(process.argv[3] || 5000);
const rssOpaque = process.env.LSP_NO_RSS === '1';
const LIMIT_KB = 2 * 1024;

// A few variants of one post, so that the spelling cache stays as it
// would for a person typing (it keeps one verdict per distinct word).
const variants = [
  'la atencion es gratuita en el kiosko del parque',
  'AGUA POTABLE SIN SERVICIO EN LA ZONA CENTRO',
  'Informes con la CURP GOMC800101HBCMRR09 del solicitante',
  'la la campaña de vacunación sigue abierta',
];
const text = (i) => `---\nfecha: 2026-03-10\nplataforma: facebook\n---\nAviso ${i}: ` +
  `${variants[i % variants.length]}.\nGracias, vecinos 👋.\n`;

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

(async () => {
  const c = connect(binary);
  const init = await c.request('initialize', { capabilities: {}, initializationOptions: { demora_ms: 0 } });
  check(init.result && init.result.capabilities, 'initialize');
  c.send({ method: 'initialized', params: {} });
  let warm = 0;
  let answered = 0;
  for (let i = 0; i < iterations; i++) {
    const uri = `file:///nonexistent/aviso-${i % 10}.md`;
    c.send({ method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'markdown', version: 1, text: text(i) } } });
    for (let k = 2; k <= 4; k++)
      c.send({ method: 'textDocument/didChange',
        params: { textDocument: { uri, version: k }, contentChanges: [{ text: text(i + k) }] } });
    c.send({ method: 'textDocument/didSave', params: { textDocument: { uri } } });
    // replies come in order: after the first, the save's diagnostics are in
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } };
    await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const last = c.published[c.published.length - 1];
    const diagnostics = last && last.uri === uri ? last.diagnostics : [];
    const r = await c.request('textDocument/codeAction', { textDocument: { uri }, range,
      context: { diagnostics } });
    answered += Array.isArray(r.result) && r.result.length > 0;
    c.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
    c.published.length = 0;
    if (i === Math.floor(iterations / 10)) warm = rssKb(c.server.pid);
  }
  check(answered === iterations, `${answered} de ${iterations} codeAction respondidas`);
  if (!rssOpaque) {
    const end = rssKb(c.server.pid);
    check(end - warm < LIMIT_KB,
      `memoria acotada: ${warm} kB tras ${Math.floor(iterations / 10)} vueltas, ${end} kB al final`);
  }
  await c.request('shutdown');
  c.send({ method: 'exit' });
  const code = await c.exited;
  check(code === 0, `shutdown y exit: estado 0 (${code}${rssOpaque ? ', con la revisión de fugas' : ''})`);
  check(c.parser.errors.length === 0, 'la salida son mensajes bien enmarcados');
  finish();
})();
