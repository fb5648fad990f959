// load.js URL PID: a bounded burst of concurrent checks on loopback.  Every
// answer must be the one the same draft got alone, and the server's memory
// (VmRSS of PID) after a second burst must stay within a generous bound of
// what it was after the first: the engine, its caches and the connections
// do not grow with the number of requests.  Then more connections at once
// than the server takes from one address: the excess is refused, and the
// server answers again once they are gone.
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');
const { draft } = require('./draft');

const base = new URL(process.argv[2]);
const pid = process.argv[3];
const REQUESTS = 400;       // per burst
const CONCURRENCY = 24;     // well under the server's connections per address
const RSS_BOUND_KB = 16 * 1024;
const PER_ADDRESS = 64;     // MAX_PER_ADDRESS in src/serve.c

// Drafts of different shape (the full one on X, one with hashtags on
// Instagram, a short one) and, every eighth request, words the dictionary
// has never seen and no request repeats, which the spelling cache keeps
// (few: Hunspell's suggestions for them are slow, and serialized).
const texts = [
  { text: draft(), platform: 'x' },
  { text: draft() + '\n\n#Tecate #Agua', platform: 'instagram', date: '2026-03-10' },
  { text: 'Ayer se entregaron las becas.' },
];
const letters = (n) => n.toString(26).split('').map((d) => 'kqwxyz'[parseInt(d, 26) % 6] +
  String.fromCharCode(97 + parseInt(d, 26))).join('');
const UNKNOWN = 5;
const unknownWords = (n) => `Palabras nuevas: ${Array.from({ length: UNKNOWN },
  (_, k) => `zx${letters(n * UNKNOWN + k)}`).join(' ')}.`;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(request) {
  const body = JSON.stringify(request);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method: 'POST', path: '/api/check',
      agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
    (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function rssKb() {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]);
}

// REQUESTS checks, CONCURRENCY at a time; the number of wrong answers.
async function burst(expected, round) {
  let next = 0;
  let wrong = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      if (i % 8 === 7) {
        // never the same words twice: the answer is checked by shape
        const a = await post({ text: unknownWords(round * REQUESTS + i) });
        const f = a.status === 200 && JSON.parse(a.body).files[0];
        const unknown = f ? f.findings.filter((x) => x.rule === 'ortografia.palabra-desconocida') : [];
        if (unknown.length !== UNKNOWN) wrong++;
      } else {
        const k = i % texts.length;
        const a = await post(texts[k]);
        if (a.status !== 200 || a.body !== expected[k]) wrong++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return wrong;
}

// `n` connections at once, each asking for the options and staying open;
// how many were answered.
async function holdConnections(n) {
  const held = await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
    const sock = net.connect(base.port, base.hostname,
      () => sock.write('GET /api/opciones HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    let got = '';
    sock.on('data', (d) => {
      got += d;
      if (got.includes('"topics"')) resolve({ sock, answered: true });
    });
    sock.on('close', () => resolve({ sock, answered: false }));
    sock.on('error', () => resolve({ sock, answered: false }));
  })));
  held.forEach(({ sock }) => sock.destroy());
  return held.filter((h) => h.answered).length;
}

// The server forgets a closed connection a moment after the client closes
// it: retry for a while (a generous bound that only catches a stuck server).
async function answersAgain() {
  for (let i = 0; i < 200; i++) {
    const a = await post(texts[2]).catch(() => null);
    if (a && a.status === 200) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

(async () => {
  const expected = [];
  for (const t of texts) expected.push((await post(t)).body);
  const wrong1 = await burst(expected, 1);
  const after1 = rssKb();
  const wrong2 = await burst(expected, 2);
  const after2 = rssKb();
  agent.destroy();
  console.log(`carga: 2 × ${REQUESTS} solicitudes, ${CONCURRENCY} a la vez; ` +
    `memoria del servidor ${after1} kB tras la primera ráfaga, ${after2} kB tras la segunda`);
  let failed = false;
  if (wrong1 + wrong2) {
    console.log(`FALLA carga: ${wrong1 + wrong2} respuestas incorrectas`);
    failed = true;
  }
  // AddressSanitizer keeps freed memory in quarantine: the bound holds for
  // the plain build only
  const sanitized = fs.readFileSync(`/proc/${pid}/maps`, 'utf8').includes('libasan');
  if (sanitized) console.log('carga: con AddressSanitizer no se compara la memoria');
  else if (after2 - after1 > RSS_BOUND_KB) {
    console.log(`FALLA carga: la memoria creció ${after2 - after1} kB (límite ${RSS_BOUND_KB} kB)`);
    failed = true;
  }
  const answered = await holdConnections(PER_ADDRESS + 16);
  console.log(`carga: ${PER_ADDRESS + 16} conexiones a la vez desde una dirección, ${answered} atendidas`);
  if (answered > PER_ADDRESS || answered === 0) {
    console.log(`FALLA carga: se atendieron ${answered} conexiones (límite ${PER_ADDRESS})`);
    failed = true;
  }
  if (!(await answersAgain())) {
    console.log('FALLA carga: el servidor no volvió a responder tras el exceso de conexiones');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FALLA carga: ${e.stack}`);
  process.exit(1);
});
