// api.js URL: the HTTP contract of `pregon serve`.  The answer of POST
// /api/check must be, byte for byte, what `pregon --format json --suggest`
// prints for the same text; bad requests get a 4xx with a Spanish message
// in pregon's shape; the page's files come with their types and the
// security headers; nothing outside the routes is reachable.
// With PREGON_TOKEN set, the server was started with --token: only the
// token's checks run.
'use strict';
const http = require('http');
const net = require('net');
const { execFileSync } = require('child_process');
const { draft, CURP } = require('./draft');

const base = new URL(process.argv[2]);
const token = process.env.PREGON_TOKEN;
let failures = 0;

function check(ok, what) {
  if (!ok) {
    failures++;
    console.log(`FALLA api: ${what}`);
  }
}

// One raw request (no URL normalization, any body or header).  With
// `expectContinue` the body goes only if the server asks for it, as curl
// does with large bodies: a body refused by its announced length is then
// never sent.
function send(method, path, { body, headers = {}, chunked = false, expectContinue = false } = {}) {
  return new Promise((resolve, reject) => {
    const h = { ...headers };
    if (body !== undefined && !chunked) h['Content-Length'] = Buffer.byteLength(body);
    if (expectContinue) h.Expect = '100-continue';
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers: h },
      (res) => {
        const parts = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => {
          resolve({ status: res.statusCode, headers: res.headers,
            body: Buffer.concat(parts).toString('utf8') });
          if (expectContinue) req.destroy();
        });
      });
    req.on('error', reject);
    if (expectContinue) {
      req.on('continue', () => req.end(body));
      return;
    }
    if (body !== undefined) {
      if (chunked) {
        // a body of unknown length, cut by the server at its limit
        for (let i = 0; i < body.length; i += 65536) req.write(body.slice(i, i + 65536));
      } else {
        req.write(body);
      }
    }
    req.end();
  });
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const postCheck = (request, headers = JSON_HEADERS) =>
  send('POST', '/api/check', { body: JSON.stringify(request), headers });

// What the command prints for the same draft and context.
function cliReport(text, args) {
  return execFileSync(process.env.PREGON_BIN,
    ['--format', 'json', '--suggest', '--no-config', '--stdin-filename', 'borrador', ...args],
    { input: text, env: { ...process.env, PREGON_TODAY: '2026-03-10' } }).toString('utf8');
}

// 1 when a command run exits 1 (a blocking finding): execFileSync throws.
function cliReportAnyStatus(text, args) {
  try {
    return cliReport(text, args);
  } catch (e) {
    return e.stdout.toString('utf8');
  }
}

// Byte for byte, except under a slow wrapper (valgrind): Hunspell stops
// suggesting after a time, so there the server's suggestions need only be
// the first of the command's (maybe none; the plain run checks them all).
const slow = process.env.SERVE_SLOW === '1';
function sameReport(served, printed) {
  if (!slow) return served === printed;
  const a = JSON.parse(served);
  const b = JSON.parse(printed);
  const fa = a.files[0].findings;
  const fb = b.files[0].findings;
  if (fa.length !== fb.length) return false;
  for (let i = 0; i < fa.length; i++) {
    const sa = fa[i].suggestions;
    const sb = fb[i].suggestions;
    if (sa.some((x, k) => x !== sb[k])) return false;
    fa[i].suggestions = fb[i].suggestions;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function expectRefusal(answer, status, pattern, what) {
  check(answer.status === status, `${what}: estado ${answer.status}, se esperaba ${status}`);
  check(/^application\/json/.test(answer.headers['content-type'] || ''),
    `${what}: tipo ${answer.headers['content-type']}`);
  let error = '';
  try {
    error = JSON.parse(answer.body).error;
  } catch {
    check(false, `${what}: la respuesta no es JSON: ${answer.body}`);
  }
  check(pattern.test(error), `${what}: mensaje «${error}» no coincide con ${pattern}`);
}

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function checkHeaders(answer, what) {
  const csp = answer.headers['content-security-policy'] || '';
  check(/default-src 'none'/.test(csp) && /script-src 'self'/.test(csp),
    `${what}: falta la política de seguridad de contenido: «${csp}»`);
  check(!/unsafe-inline|unsafe-eval/.test(csp), `${what}: la política permite código en línea`);
  for (const [k, v] of Object.entries(SECURITY))
    check(answer.headers[k] === v, `${what}: cabecera ${k}: ${answer.headers[k]}`);
}

async function tokenChecks() {
  const request = { text: 'Hola, vecinos.' };
  expectRefusal(await postCheck(request), 401, /token/, 'sin token');
  check((await postCheck(request)).headers['www-authenticate'] === 'Bearer realm="pregon"',
    'sin token: falta WWW-Authenticate');
  expectRefusal(await postCheck(request, { ...JSON_HEADERS, Authorization: `Bearer ${token}x` }),
    401, /token/, 'token equivocado');
  const ok = await postCheck(request, { ...JSON_HEADERS, Authorization: `Bearer ${token}` });
  check(ok.status === 200 && JSON.parse(ok.body).files[0].verdict === 'publish',
    `con el token: ${ok.status} ${ok.body}`);
  // the page itself is public: it asks for the token
  check((await send('GET', '/')).status === 200, 'la página pide token');
}

// A client that stops halfway: the server must close it on its own (its
// idle timeout), whatever it sent.  Resolves with what it received.
function stalled(start) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(base.port, base.hostname, () => sock.write(start));
    const got = [];
    sock.on('data', (d) => got.push(d));
    sock.on('close', () => resolve(Buffer.concat(got).toString('utf8')));
    sock.on('error', reject);
    // a generous bound: only a server that never closes fails here
    sock.setTimeout(90000, () => { sock.destroy(); reject(new Error('el servidor no cerró la conexión')); });
  });
}

async function contractChecks() {
  const idle = [
    stalled(''),
    stalled('POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty'),
    stalled('POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100\r\n\r\n{"text": "Hola'),
  ];
  // DNS rebinding: without a token, only a Host naming this machine
  expectRefusal(await send('GET', '/', { headers: { Host: 'ataque.example:80' } }), 403,
    /solo atiende a esta máquina/, 'Host de otra máquina');
  expectRefusal(await send('POST', '/api/check', { body: '{"text":"Hola"}',
    headers: { Host: '127.0.0.1.ataque.example', 'Content-Type': 'application/json' } }), 403,
    /solo atiende a esta máquina/, 'Host que empieza como 127.0.0.1');
  for (const host of [`localhost:${base.port}`, `127.0.0.1:${base.port}`, `[::1]:${base.port}`]) {
    check((await send('GET', '/', { headers: { Host: host } })).status === 200, `Host ${host} atendido`);
  }
  // the page and its files
  const page = await send('GET', '/');
  check(page.status === 200 && /^text\/html; charset=utf-8$/.test(page.headers['content-type']),
    `GET /: ${page.status} ${page.headers['content-type']}`);
  checkHeaders(page, 'GET /');
  check(/<script src="\/page\.js"/.test(page.body) && /href="\/page\.css"/.test(page.body),
    'la página no enlaza page.js y page.css');
  check(!/<script(?![^>]*\bsrc=)[^>]*>/.test(page.body) && !/<style|\sstyle=|\son[a-z]+=/.test(page.body),
    'la página lleva código o estilo en línea');
  check(!/https?:\/\//.test(page.body), 'la página pide algo de fuera');
  for (const [path, type] of [['/page.js', 'text/javascript'], ['/page.css', 'text/css']]) {
    const a = await send('GET', path);
    check(a.status === 200 && a.headers['content-type'].startsWith(type) && a.body.length > 100,
      `GET ${path}: ${a.status} ${a.headers['content-type']}`);
    checkHeaders(a, `GET ${path}`);
  }
  const head = await send('HEAD', '/');
  check(head.status === 200 && head.body === '', `HEAD /: ${head.status}`);
  const options = JSON.parse((await send('GET', '/api/opciones')).body);
  check(options.platforms.includes('x') && options.topics.includes('salud'),
    `GET /api/opciones: ${JSON.stringify(options)}`);

  // the check: exactly the command's JSON, CURP masked in it
  const text = draft();
  for (const ctx of [{ platform: 'x', date: '2026-03-10' }, {}, { platform: 'youtube', topic: 'salud' }]) {
    const args = [];
    if (ctx.platform) args.push('--platform', ctx.platform);
    if (ctx.date) args.push('--date', ctx.date);
    if (ctx.topic) args.push('--topic', ctx.topic);
    const a = await postCheck({ text, ...ctx, account: 'GobiernoTecate' });
    check(a.status === 200 && /^application\/json/.test(a.headers['content-type']),
      `POST /api/check ${JSON.stringify(ctx)}: ${a.status} ${a.headers['content-type']}`);
    checkHeaders(a, 'POST /api/check');
    check(sameReport(a.body, cliReportAnyStatus(text, args)),
      `POST /api/check ${JSON.stringify(ctx)}: no es lo que da --format json:\n${a.body}`);
    check(!a.body.includes(CURP) && !a.body.includes(CURP.slice(4, 16)),
      'la respuesta trae la CURP sin enmascarar');
    const file = JSON.parse(a.body).files[0];
    const rules = file.findings.map((f) => f.rule);
    for (const r of ['estilo.mayusculas-sostenidas', 'datos-personales.curp', 'ortografia.palabra-desconocida'])
      check(rules.includes(r), `${JSON.stringify(ctx)}: falta ${r}: ${rules}`);
    const spelling = file.findings.find((f) => f.rule === 'ortografia.palabra-desconocida');
    check(spelling && (slow || spelling.suggestions.includes('paciencia')),
      'sin sugerencias de ortografía (suggest = 1)');
    check(file.verdict === 'block', `veredicto ${file.verdict}`);
    if (ctx.platform === 'x')
      check(file.metrics.longitud > 0 && file.metrics.longitud_maxima === 280,
        `longitud en X: ${JSON.stringify(file.metrics)}`);
    if (!ctx.platform)
      check(file.metrics.longitud === undefined, 'longitud sin plataforma');
  }
  // a draft pregon cannot read is a report with its error, as the command's
  const broken = await postCheck({ text: '---\nfecha: [2026\n---\nHola' });
  const brokenFile = JSON.parse(broken.body).files[0];
  check(broken.status === 200 && /^borrador:\d+:\d+: error: /.test(brokenFile.error || '') &&
    brokenFile.verdict === 'block', `encabezado roto: ${broken.body}`);

  // bad requests
  const raw = (body, headers = JSON_HEADERS) => send('POST', '/api/check', { body, headers });
  expectRefusal(await raw('{"text": "a",\n "platform" "x"}'), 400,
    /^solicitud:2:\d+: error: la solicitud no es JSON válido$/, 'JSON mal formado');
  expectRefusal(await raw('{"text": "a"'), 400, /^solicitud:1:\d+: error: .*termina antes/, 'JSON cortado');
  expectRefusal(await raw('{"text": "a", "text": "b"}'), 400, /repite una clave/, 'clave repetida');
  expectRefusal(await raw('{"text": "a\\u0000b"}'), 400, /carácter nulo/, 'carácter nulo');
  expectRefusal(await raw('["text"]'), 400, /debe ser un objeto JSON/, 'no es objeto');
  expectRefusal(await postCheck({ platform: 'x' }), 400, /^solicitud: error: falta «text»/, 'sin text');
  expectRefusal(await postCheck({ text: 5 }), 400, /falta «text»/, 'text no es cadena');
  expectRefusal(await postCheck({ text: 'a', plataforma: 'x' }), 400,
    /clave desconocida «plataforma»; use text, platform/, 'clave desconocida');
  expectRefusal(await postCheck({ text: 'a', platform: 'twitter' }), 400, /plataforma desconocida/, 'plataforma');
  expectRefusal(await postCheck({ text: 'a', date: '2026-02-30' }), 400, /fecha no válida.*AAAA-MM-DD/, 'fecha');
  expectRefusal(await postCheck({ text: 'a', topic: 'salú' }), 400, /tema desconocido/, 'tema');
  expectRefusal(await postCheck({ text: 'a', account: 7 }), 400, /«account» debe ser una cadena/, 'cuenta');
  expectRefusal(await raw('{"text": "a"}', { 'Content-Type': 'text/plain' }), 415,
    /Content-Type: application\/json/, 'tipo text/plain');
  expectRefusal(await raw('{"text": "a"}', { 'Content-Type': 'application/jsonx' }), 415,
    /application\/json/, 'tipo application/jsonx');
  const big = JSON.stringify({ text: 'a'.repeat(600 * 1024) });
  expectRefusal(await send('POST', '/api/check', { body: big, headers: JSON_HEADERS, expectContinue: true }),
    413, /límite de 512 KiB/, 'solicitud grande');
  expectRefusal(await send('POST', '/api/check', { body: big, headers: JSON_HEADERS, chunked: true }),
    413, /límite de 512 KiB/, 'solicitud grande sin longitud');
  // a sender that does not stop is cut off, with no report
  const endless = await send('POST', '/api/check', { body: JSON.stringify({ text: 'a'.repeat(3 << 20) }),
    headers: JSON_HEADERS, chunked: true }).catch(() => null);
  check(endless === null || endless.status === 413, `un envío sin fin: ${endless && endless.status}`);
  expectRefusal(await send('GET', '/api/check'), 405, /solo acepta POST/, 'GET /api/check');
  check((await send('GET', '/api/check')).headers.allow === 'POST', 'Allow de /api/check');
  expectRefusal(await send('POST', '/', { body: 'x', headers: JSON_HEADERS }), 405, /GET/, 'POST /');
  // no file is served from the disk, whatever the path
  for (const path of ['/Makefile', '/../../etc/passwd', '/page.js/../../README.md', '/%2e%2e/README.md',
    '/src/serve/page.html', '/index.html']) {
    const a = await send('GET', path);
    check(a.status === 404 && !/root:|pregon revisa/.test(a.body), `GET ${path}: ${a.status}`);
  }
  check((await send('GET', '/favicon.ico')).status === 204, 'favicon');
  // the server still answers after all that, and closes the stalled clients
  check((await postCheck({ text: 'Hola, vecinos.' })).status === 200, 'el servidor dejó de responder');
  const left = await Promise.all(idle);
  check(left.every((got) => !/"findings"/.test(got)), `un cliente a medias recibió un informe: ${left}`);
}

(async () => {
  if (token) await tokenChecks();
  else await contractChecks();
  if (failures) process.exit(1);
  console.log(`api: ${base.origin}${token ? ' (con --token)' : ''}: todo como se espera`);
})().catch((e) => {
  console.log(`FALLA api: ${e.stack}`);
  process.exit(1);
});
