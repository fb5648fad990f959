// browser.js URL: the page of `pregon serve` in headless Chromium (the
// shared helper tests/browser/chromium.js).  A draft with a sentence in
// capitals, a CURP and a misspelling is typed; the highlights, the list,
// the length and the verdict must show what the API answered; the CURP
// must never appear unmasked in the page or in any answer; a suggestion is
// applied with the mouse and another with the keyboard; the page must fit
// a phone's width and log no error.  The screenshots go to build/serve/.
'use strict';
const fs = require('fs');
const path = require('path');
const { openBrowser, skipUnlessAvailable } = require('../browser/chromium');
const { CURP, draft } = require('./draft');

skipUnlessAvailable('serve');

const url = process.argv[2];
const shots = path.join(__dirname, '..', '..', 'build', 'serve');
let failures = 0;

function check(ok, what) {
  if (!ok) {
    failures++;
    console.log(`FALLA navegador: ${what}`);
  }
}

(async () => {
  const b = await openBrowser();
  try {
    const page = await b.newPage();
    const answers = [];
    // every answer the page read (one it aborted for a newer has no body)
    page.on('response', (r) => {
      if (r.url().endsWith('/api/check')) r.text().then((t) => answers.push(t), () => {});
    });
    await page.goto(url);
    await page.waitForSelector('#platform option[value="x"]', { state: 'attached' });
    await page.selectOption('#platform', 'x');
    await page.fill('#date', '2026-03-10');
    const area = page.locator('#texto');
    await area.pressSequentially(draft());

    // the answer for the whole text: three findings, blocked by the CURP
    await page.waitForFunction(() =>
      document.querySelectorAll('#findings li').length === 3 &&
      document.querySelector('#verdict-label').textContent === 'Veredicto: bloquear');
    // the body of the answer the page shows reaches this side a moment later
    const whole = [...draft()].length;
    const shown = () => answers.map((a) => JSON.parse(a).files[0])
      .find((f) => f.metrics.caracteres === whole);
    for (let i = 0; i < 600 && !shown(); i++) await page.waitForTimeout(50);
    const last = shown();
    check((await page.textContent('#score')) === `Puntuación ${last.score}/100`, 'la puntuación');
    check((await page.textContent('#length')) ===
      `Longitud en X: ${last.metrics.longitud} de 280`, `la longitud: ${await page.textContent('#length')}`);

    const marks = await page.$$eval('#backdrop mark', (ms) =>
      ms.map((m) => ({ cls: m.className, text: m.textContent })));
    check(marks.some((m) => m.cls === 'warning' &&
      m.text === 'EL AYUNTAMIENTO INFORMA QUE MAÑANA NO HAY AGUA EN LA COLONIA CENTRO'),
      `falta el resaltado de las mayúsculas: ${JSON.stringify(marks)}`);
    check(marks.some((m) => m.cls === 'error' && m.text === '\u2022'.repeat(18)),
      `la CURP no está resaltada y enmascarada: ${JSON.stringify(marks)}`);
    check(marks.some((m) => m.cls === 'warning' && m.text === 'pasiencia'), 'falta el resaltado de «pasiencia»');
    // the highlight lies over the word in the text area
    const box = await page.locator('#backdrop mark', { hasText: 'pasiencia' }).boundingBox();
    const areaBox = await area.boundingBox();
    check(box && box.x >= areaBox.x && box.y >= areaBox.y &&
      box.x + box.width <= areaBox.x + areaBox.width && box.y + box.height <= areaBox.y + areaBox.height,
      'el resaltado cae fuera del área de texto');

    const items = await page.$$eval('#findings li', (ls) => ls.map((l) => l.textContent));
    check(items.some((t) => /mayúsculas/.test(t) && /criterio XX/.test(t) && /Aplicar «El ayuntamiento informa/.test(t)),
      `la lista: mayúsculas: ${items}`);
    check(items.some((t) => /CURP/.test(t) && /criterio III/.test(t) && /error/.test(t)), `la lista: CURP: ${items}`);
    check(items.some((t) => /pasiencia/.test(t) && /criterio XIX/.test(t) && /Aplicar «paciencia»/.test(t)),
      `la lista: ortografía: ${items}`);

    const noCurp = async (when) => {
      const html = await page.content();
      check(!html.includes(CURP) && !html.includes(CURP.slice(4, 16)), `${when}: la CURP está en la página`);
      check(answers.length > 0 && answers.every((a) => !a.includes(CURP) && !a.includes(CURP.slice(4, 16))),
        `${when}: la CURP está en una respuesta de la API`);
    };
    await noCurp('al escribir');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'pagina.png'), fullPage: true });

    // a click applies a suggestion; the page checks again
    await page.click('button.apply:has-text("Aplicar «paciencia»")');
    check((await area.inputValue()).endsWith('Les pedimos paciencia.'), 'no se aplicó «paciencia»');
    await page.waitForFunction(() => document.querySelectorAll('#findings li').length === 2);
    // and the keyboard applies another
    await page.locator('button.apply', { hasText: 'Aplicar «El ayuntamiento' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#findings li').length === 1);
    check((await area.inputValue()).includes('El ayuntamiento informa que mañana no hay agua'),
      'no se aplicó la sugerencia con el teclado');
    check((await page.textContent('#verdict-label')) === 'Veredicto: bloquear', 'el veredicto tras corregir');
    await noCurp('tras corregir');

    // a phone's width: nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `en un teléfono la página es ${overflow} px más ancha que la pantalla`);
    await page.screenshot({ path: path.join(shots, 'pagina-telefono.png'), fullPage: true });
    check(b.errors.length === 0, `errores en la consola: ${b.errors.join('; ')}`);
  } finally {
    await b.close();
  }
  if (failures) process.exit(1);
  console.log(`navegador: la página resalta, lista, aplica y enmascara; capturas en ${path.relative(process.cwd(), shots)}/`);
})().catch((e) => {
  console.log(`FALLA navegador: ${e.stack}`);
  process.exit(1);
});
