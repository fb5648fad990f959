// load.js URL PID: a bounded burst of concurrent checks on loopback.  Every
// answer must be the one the same draft got alone, and the server's memory
// (VmRSS of PID) after a second burst must stay within a generous bound of
// what it was after the first: the engine, its caches and the connections
// do not grow with the number of requests.
'use strict';
const fs = require('fs');
const http = require('http');
const { draft } = require('./draft');

const base = new URL(process.argv[2]);
const pid = process.argv[3];
const REQUESTS = 400;       // per burst
const CONCURRENCY = 24;     // under the server's 32 connections per address
const RSS_BOUND_KB = 16 * 1024;

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
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FALLA carga: ${e.stack}`);
  process.exit(1);
});
