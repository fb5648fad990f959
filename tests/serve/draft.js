// draft.js: the draft the serve tests type: a sentence in capitals, a CURP
// (valid, so its finding is an error) and a misspelling ("pasiencia").
'use strict';
const CURP = 'HERG870314MBCRZD08';

const draft = () =>
  'Hola vecinos de Tecate, les compartimos un aviso del servicio de agua para esta semana.\n\n' +
  'EL AYUNTAMIENTO INFORMA QUE MAÑANA NO HAY AGUA EN LA COLONIA CENTRO.\n\n' +
  `Para el trámite del apoyo ya no se pide la CURP ${CURP} en ventanilla. Les pedimos pasiencia.`;

module.exports = { CURP, draft };
