// robustness.js: what a broken or hostile client may send to `pregon lsp`.
// Every case must get its JSON-RPC error (or be ignored, for
// notifications), the session must go on, and the server must exit with
// the status the protocol says, never by a signal.
//
//   node tests/lsp/robustness.js PREGON_BINARY
'use strict';
const path = require('path');
const { check, finish } = require('./checks');
const { frame, runSession } = require('./wire');

const binary = path.resolve(process.argv[2] || './pregon');

const init = frame({ jsonrpc: '2.0', id: 'init', method: 'initialize',
  params: { capabilities: {}, initializationOptions: { demora_ms: 0 } } });
const ping = (id) => frame({ jsonrpc: '2.0', id, method: 'pregon/desconocido', params: {} });
const shutdown = frame({ jsonrpc: '2.0', id: 'fin', method: 'shutdown' });
const exit = frame({ jsonrpc: '2.0', method: 'exit' });
const open = (text) => frame({ jsonrpc: '2.0', method: 'textDocument/didOpen',
  params: { textDocument: { uri: 'file:///nonexistent/aviso.md', languageId: 'markdown', version: 1, text } } });

const reply = (r, id) => r.messages.find((m) => m.id === id && !m.method);
const errorCode = (r, id) => (reply(r, id) && reply(r, id).error ? reply(r, id).error.code : null);
const nullErrors = (r) => r.messages.filter((m) => m.id === null && m.error);

function clean(r, what) {
  check(r.errors.length === 0, `${what}: la salida son mensajes bien enmarcados ${r.errors.join('; ')}`);
  check(r.signal === null, `${what}: el servidor no muere por una señal (${r.signal})`);
}

(async () => {
  // Lifecycle: before initialize, after shutdown, unknown methods.
  let r = await runSession(binary, [
    frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/codeAction', params: {} }),
    open('antes de initialize'),
    init,
    ping(2),
    frame({ jsonrpc: '2.0', method: 'pregon/notificacionDesconocida', params: {} }),
    frame({ jsonrpc: '2.0', id: 3, method: 'initialized', params: {} }),
    frame({ jsonrpc: '2.0', id: 4, method: 'initialize', params: { capabilities: {} } }),
    shutdown,
    frame({ jsonrpc: '2.0', id: 5, method: 'textDocument/codeAction', params: {} }),
    open('después de shutdown'),
    exit,
  ]);
  clean(r, 'ciclo de vida');
  check(errorCode(r, 1) === -32002, 'una petición antes de initialize: -32002');
  check(reply(r, 'init') && reply(r, 'init').result.capabilities, 'initialize responde sus capacidades');
  check(errorCode(r, 2) === -32601, 'método desconocido: -32601');
  check(errorCode(r, 3) === -32601, 'una notificación enviada como petición: -32601');
  check(errorCode(r, 4) === -32600, 'un segundo initialize: -32600');
  check(reply(r, 'fin') && reply(r, 'fin').result === null, 'shutdown responde null');
  check(errorCode(r, 5) === -32600, 'una petición después de shutdown: -32600');
  check(!r.messages.some((m) => m.method === 'textDocument/publishDiagnostics'),
    'las notificaciones antes de initialize y después de shutdown se ignoran');
  check(r.messages.filter((m) => !m.method).length === 7, 'ninguna respuesta a las notificaciones');
  check(r.code === 0, `exit tras shutdown: estado 0 (${r.code})`);

  // Framing and JSON.
  const big = 17 * 1024 * 1024;
  r = await runSession(binary, [
    init,
    frame('{"jsonrpc": "2.0", "id": 10, "method": '),                    // cut JSON
    ping(11),
    frame('[1, 2, 3]'),                                                    // not an object
    frame({ jsonrpc: '1.0', id: 12, method: 'shutdown' }),                 // wrong version
    frame({ jsonrpc: '2.0', id: { a: 1 }, method: 'shutdown' }),           // bad id
    frame({ jsonrpc: '2.0', id: 13 }),                                     // neither request nor response
    frame({ jsonrpc: '2.0', id: 14, method: 'shutdown', params: 'x' }),  // bad params
    Buffer.from('Content-Length: 5\r\n\r\n{"jsonrpc":"2.0"}'),          // short length: junk follows
    ping(15),
    Buffer.from('Content-Length: doce\r\n\r\n'),                           // not a number
    ping(16),
    Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n'),      // no length
    ping(17),
    Buffer.from(`X-Relleno: ${'x'.repeat(5000)}\r\n\r\n`),                 // header too long
    ping(18),
    Buffer.from(`Content-Length: ${big}\r\n\r\n`), Buffer.alloc(big, 0x20), // over the limit
    ping(19),
    frame('['.repeat(100000)),                                             // deep nesting
    ping(20),
    open('a\u0000b'),                                                      // a NUL in the text
    shutdown,
    exit,
  ]);
  clean(r, 'marco y JSON');
  for (const id of [11, 15, 16, 17, 18, 19, 20])
    check(errorCode(r, id) === -32601, `la sesión sigue tras el caso anterior a ${id}`);
  check(errorCode(r, 12) === -32600, 'jsonrpc distinto de 2.0: -32600 con su id');
  check(errorCode(r, 13) === -32600, 'ni petición ni respuesta: -32600 con su id');
  check(errorCode(r, 14) === -32600, 'params que no son objeto ni lista: -32600');
  const nulls = nullErrors(r).map((m) => m.error.code);
  check(nulls.filter((c) => c === -32700).length === 9 && nulls.filter((c) => c === -32600).length === 2,
    `errores sin id: 9 de análisis y 2 de petición no válida (${nulls.join(' ')})`);
  check(nullErrors(r).some((m) => /17825792 bytes pasa del máximo/.test(m.error.message)),
    'un mensaje de más de 16 MiB se rechaza diciendo su tamaño');
  const nul = r.messages.find((m) => m.method === 'textDocument/publishDiagnostics');
  check(nul && nul.params.diagnostics.length === 1 && nul.params.diagnostics[0].code === 'documento',
    'un texto con un byte NUL se informa como diagnóstico');
  check(r.code === 0, `estado 0 (${r.code})`);

  // A 1 MB line with 60,000 findings finishes (positions are not counted
  // from the line's start each time); too slow for valgrind.
  if (!process.env.LSP_VALGRIND) {
    r = await runSession(binary, [init, open(`Hola 👋 ${'la informacion ñ '.repeat(60000)}\n`), shutdown, exit]);
    const big = r.messages.find((m) => m.method === 'textDocument/publishDiagnostics');
    const last = big && big.params.diagnostics[big.params.diagnostics.length - 1];
    check(big && big.params.diagnostics.length === 60001 && last.range.start.character === 8 + 17 * 59999 + 3,
      'una línea de 1 MB con 60,000 hallazgos termina, con sus columnas UTF-16');
  }

  // The client goes away: without shutdown, status 1; a length that never
  // comes ends the session cleanly too.
  r = await runSession(binary, [init, exit]);
  clean(r, 'exit sin shutdown');
  check(r.code === 1, `exit sin shutdown: estado 1 (${r.code})`);
  r = await runSession(binary, [init, Buffer.from('Content-Length: 99999999999999\r\n\r\n{')]);
  clean(r, 'fin de la entrada');
  check(r.code === 1 && nullErrors(r).length === 1, `entrada cerrada a medio mensaje: un error y estado 1 (${r.code})`);

  finish();
})();
