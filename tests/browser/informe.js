// informe.js: the evaluation report (pregon report) rendered in headless
// Chromium: its charts and tables are drawn, it asks for nothing over the
// network, logs no console error, fits a phone's width, switches to its
// print styles and never shows a datum unmasked.  The screenshots stay in
// build/informe/ as test artefacts.
//   node tests/browser/informe.js PREGON_BINARY
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { openBrowser, skipUnlessAvailable } = require('./chromium');

skipUnlessAvailable('informe');

const root = path.resolve(__dirname, '../..');
const bin = path.resolve(process.argv[2] || path.join(root, 'pregon'));
const outDir = path.join(root, 'build', 'informe');
const html = path.join(outDir, 'informe.html');
const data = 'tests/cuentas/data';

const failures = [];
function expect(ok, what) {
  if (!ok) failures.push(what);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const run = spawnSync(bin, ['report', '--no-config', '--registry', `${data}/cuentas.yaml`,
    '--log', `${data}/bitacora.jsonl`, `${data}/publicaciones`, '-o', html], {
    cwd: root, env: { ...process.env, PREGON_TODAY: '2026-01-15' }, encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.log(`FALLA informe: pregon report salió con ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  const source = fs.readFileSync(html, 'utf8');
  expect(!source.includes('GODE561231HBCMRN08'), 'el informe muestra una CURP sin enmascarar');
  expect(!/<script|<link|@import|url\(/i.test(source), 'el informe carga scripts u otros archivos');

  const b = await openBrowser();
  try {
    const page = await b.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(`file://${html}`, { waitUntil: 'load', timeout: 30000 });

    const charts = await page.$$eval('svg.grafica', (svgs) => svgs.map((s) => {
      const box = s.getBoundingClientRect();
      return { w: box.width, h: box.height, marks: s.querySelectorAll('rect, path, circle').length };
    }));
    expect(charts.length >= 4, `se esperaban al menos 4 gráficas, hay ${charts.length}`);
    expect(charts.every((c) => c.w > 100 && c.h > 20), 'una gráfica no ocupa espacio en la página');
    const drawn = await page.$$eval('svg.grafica rect.barra', (bars) =>
      bars.filter((r) => r.getBBox().height > 0 && r.getBBox().width > 0).length);
    expect(drawn >= 10, `se esperaban barras dibujadas en las gráficas, hay ${drawn}`);
    const line = await page.$eval('svg.grafica path[stroke]', (p) => p.getTotalLength());
    expect(line > 0, 'la línea de puntuaciones no se dibuja');

    const rows = async (sel) => page.$$eval(sel, (r) => r.length);
    expect(await rows('#cuentas tbody tr') === 7, 'la tabla por cuenta no tiene sus 7 cuentas');
    expect(await rows('#registro tbody tr') === 14, 'la tabla del registro no tiene sus 14 hallazgos');
    expect(await rows('#revision-humana tbody tr') === 6, 'la lista de revisión humana no tiene sus 6 criterios');
    expect(await rows('#hallazgos tbody tr') >= 4, 'faltan los hallazgos más frecuentes');
    const masked = await page.$eval('#hallazgos', (s) => s.textContent);
    expect(masked.includes('GODE••••••••••••08'), 'el ejemplo de la CURP no aparece enmascarado');
    await page.screenshot({ path: path.join(outDir, 'informe.png'), fullPage: true });

    // on a phone the page keeps its width; wide tables scroll inside
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow <= 376, `en un teléfono la página mide ${overflow}px de ancho`);
    await page.screenshot({ path: path.join(outDir, 'informe-telefono.png') });

    await page.emulateMedia({ media: 'print' });
    const printed = await page.$eval('header', (h) => getComputedStyle(h).backgroundColor);
    expect(printed === 'rgba(0, 0, 0, 0)', `la hoja de impresión no se aplica (fondo ${printed})`);

    expect(requests.length === 0, `el informe pidió a la red: ${requests.join(', ')}`);
    expect(b.errors.length === 0, `errores en la consola: ${b.errors.join('; ')}`);
  } finally {
    await b.close();
  }
  if (failures.length) {
    failures.forEach((f) => console.log(`FALLA informe: ${f}`));
    process.exit(1);
  }
  console.log(`informe: se dibuja en Chromium sin errores (capturas en ${path.relative(root, outDir)}/)`);
}

main().catch((err) => {
  console.log(`FALLA informe: ${err.message}`);
  process.exit(1);
});
