// wire.js: the LSP base protocol by hand (Node's core only), for tests that
// must send what no well-behaved client sends: broken framing, bad JSON,
// huge lengths.  A server runs as `COMMAND... lsp`, where LSP_VALGRIND
// (words separated by spaces) may prefix the binary.
'use strict';
const { spawn } = require('child_process');

function frame(body) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

// Split the server's output into messages; a frame that is not exactly
// "Content-Length: N\r\n\r\n" + N bytes of JSON is an error.
class Parser {
  constructor() { this.buf = Buffer.alloc(0); this.messages = []; this.errors = []; }
  push(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /^Content-Length: (\d+)$/.exec(this.buf.subarray(0, end).toString('latin1'));
      if (!m) {
        this.errors.push(`cabecera inesperada: ${JSON.stringify(this.buf.subarray(0, end).toString())}`);
        this.buf = Buffer.alloc(0);
        return;
      }
      const n = Number(m[1]);
      if (this.buf.length < end + 4 + n) return;
      const body = this.buf.subarray(end + 4, end + 4 + n).toString('utf8');
      this.buf = this.buf.subarray(end + 4 + n);
      try {
        this.messages.push(JSON.parse(body));
      } catch (e) {
        this.errors.push(`JSON no válido del servidor: ${body.slice(0, 200)}`);
      }
    }
  }
}

function spawnServer(binary, env) {
  const prefix = (process.env.LSP_VALGRIND || '').split(' ').filter(Boolean);
  const argv = [...prefix, binary, 'lsp'];
  return spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
}

// Write all of `input`, close standard input, and collect every message
// until the server exits: { messages, errors, code }.
function runSession(binary, input) {
  return new Promise((resolve) => {
    const server = spawnServer(binary);
    const parser = new Parser();
    server.stdout.on('data', (c) => parser.push(c));
    server.stdin.on('error', () => {});
    server.on('close', (code, signal) => resolve({ messages: parser.messages, errors: parser.errors, code, signal }));
    server.stdin.end(Buffer.concat(input));
  });
}

// An interactive connection: send() frames a message, request() waits for
// the response with the same id (publications are kept in `published`).
function connect(binary) {
  const server = spawnServer(binary);
  const parser = new Parser();
  const waiting = new Map();
  const published = [];
  let nextId = 1;
  server.stdout.on('data', (c) => {
    parser.push(c);
    while (parser.messages.length) {
      const m = parser.messages.shift();
      if (m.method === 'textDocument/publishDiagnostics') published.push(m.params);
      else if (m.id !== undefined && waiting.has(m.id)) {
        waiting.get(m.id)(m);
        waiting.delete(m.id);
      }
    }
  });
  const exited = new Promise((resolve) => server.on('close', (code) => resolve(code)));
  return {
    server, published, parser, exited,
    send(msg) { server.stdin.write(frame({ jsonrpc: '2.0', ...msg })); },
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        server.stdin.write(frame({ jsonrpc: '2.0', id, method, params }));
      });
    },
  };
}

module.exports = { frame, runSession, connect };
