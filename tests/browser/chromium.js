// chromium.js: the one way pregon's browser tests start Chromium.
//
// Debian's /usr/bin/chromium driven by playwright-core (tests/package.json),
// headless, with a fresh profile in a temporary folder and the flags that
// keep it off the network.  Every page's console errors and uncaught
// exceptions are collected, so a test can require that a page logs none.
//
//   const { openBrowser, skipUnlessAvailable } = require('../browser/chromium');
//   skipUnlessAvailable('informe');          // exits 0 (or 1 in CI) when absent
//   const b = await openBrowser();
//   const page = await b.newPage();          // b.errors collects console errors
//   ...
//   await b.close();                         // also removes the profile
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const EXECUTABLE = process.env.PREGON_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function missingPiece() {
  if (!fs.existsSync(EXECUTABLE)) return `falta ${EXECUTABLE} (paquete chromium)`;
  try {
    require.resolve('playwright-core');
  } catch {
    return 'faltan los paquetes de npm (npm ci --prefix tests)';
  }
  return null;
}

// Without Chromium or playwright-core the test is skipped with a notice;
// under PREGON_REQUIRE_ALL=1 (CI) that is a failure.
function skipUnlessAvailable(name) {
  const missing = missingPiece();
  if (!missing) return;
  console.log(`${name}: se omite la prueba en navegador: ${missing}`);
  process.exit(process.env.PREGON_REQUIRE_ALL === '1' ? 1 : 0);
}

async function openBrowser(options = {}) {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pregon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: FLAGS,
    viewport: options.viewport || { width: 1280, height: 900 },
  });
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`consola: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`excepción: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    errors,
    async newPage() {
      const existing = context.pages().find((p) => p.url() === 'about:blank');
      return existing || context.newPage();
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { EXECUTABLE, FLAGS, openBrowser, skipUnlessAvailable };
