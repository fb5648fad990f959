// checks.js: what the LSP tests share for reporting: one "ok"/"FALLA" line
// per check, and the exit status they add up to.
'use strict';
let failed = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok   ' : 'FALLA'} ${what}`);
  if (!ok) failed++;
}

// Exit 1 when any check failed.
function finish() {
  process.exit(failed ? 1 : 0);
}

module.exports = { check, finish };
