// Interop: JSON numbers in Data Integrity proofs (eddsa-rdfc-2022 and eddsa-jcs-2022) between
// Ecusson and @digitalbazaar/vc.
//
//   node numbers.test.mjs <ecusson binary> <repo root>
//
// An OB 3.0 credential carries edge numbers: creditsEarned (xsd:float in the OB context) and
// a top-level `measures` array mapped by the VC 2.0 context's @vocab. The numbers include a
// tie for toExponential(15) (1.0000152587890625, 852113669755236.2: jsonld.js rounds the
// xsd:double form up, printf rounds to even), shortest forms that Boost.JSON 1.81's own
// parser misreads (9.760355075735633, 984561186.2787771, 5.4635177393569995e-12), and the
// boundaries of Number::toString (1e21, 1e20, 123456789012345680000, 0.000001, 1.5e-7).
// For each cryptosuite:
// 1. `ecusson sign` signs; @digitalbazaar/vc verifies (and Ecusson verifies its own).
// 2. @digitalbazaar/vc signs; `ecusson verify --json` verifies.
// 3. A number moved by one ulp after signing is refused by both.
// Numbers such as 1e-7 or 5e-324 appear in the RDF part only under an xsd:double coercion:
// jsonld.js takes a plain number as a double only when String(v) contains "." (or
// |v| >= 1e21), so it writes a plain 1e-7 as the integer "0", where the JSON-LD 1.1 API
// (§8.6, toRdf step 10) and Ecusson write 1.0E-7. The JCS part has them plain.
// Exits non-zero on the first disagreement.
import {spawnSync, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {offlineDocumentLoader} from './lib/offline_loader.mjs';

const [ecusson, root] = process.argv.slice(2);
if(!ecusson || !root) {
  console.error('usage: node numbers.test.mjs <ecusson> <repo-root>');
  process.exit(2);
}

const documentLoader = offlineDocumentLoader(root);

// --- Helpers ------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecusson-numbers-interop-'));
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if(!ok) failures++;
}
const clone = o => JSON.parse(JSON.stringify(o));
const run = args => spawnSync(ecusson, args, {encoding: 'utf8'});

function ecussonVerify(doc, name) {
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = run(['verify', file, '--json', '--lang', 'en']);
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // not JSON: reported by the caller
  }
  return {exit: r.status, report, stderr: r.stderr};
}

const suites = {
  'eddsa-rdfc-2022': {sign: eddsaRdfc2022, verify: eddsaRdfc2022},
  'eddsa-jcs-2022': {sign: createSignCryptosuite(), verify: createVerifyCryptosuite()},
};

async function jsVerify(credential, suiteName) {
  const suite = new DataIntegrityProof({cryptosuite: suites[suiteName].verify});
  return vc.verifyCredential({credential, suite, documentLoader});
}

async function jsSign(credential, keyPair, suiteName) {
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: suites[suiteName].sign});
  return vc.issue({credential: clone(credential), suite, documentLoader});
}

const why = r => r.verified ? '' :
  ': ' + (r.error?.message || r.error?.errors?.[0]?.message || JSON.stringify(r.results?.[0]?.error?.message));

// --- The credential -----------------------------------------------------------------------
const rdfNumbers = [1.0000152587890625, 852113669755236.2, 9.760355075735633, 984561186.2787771,
  5.4635177393569995e-12, 333333333.3333333, 0.30000000000000004, 1e21, 1e20,
  123456789012345680000, 1.5e-7, 0.000001, 1.7976931348623157e308, -0.5, 4.35,
  2.2250738585072014e-308, 1.0000000000000002];
const jcsOnlyNumbers = [1e-7, 5e-324, -0, 2e-7];

function credential(suiteName, issuerDid) {
  const c = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'data', 'bench', 'ob3-credential.json'), 'utf8'));
  c.validFrom = new Date(Date.now() - 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  c.issuer.id = issuerDid;
  c.credentialSubject.creditsEarned = 1.0000152587890625;
  if(suiteName === 'eddsa-jcs-2022') {
    c.measures = [...rdfNumbers, ...jcsOnlyNumbers];
    return c;
  }
  // RDF: the contexts define neither term; eddsa-jcs-2022 needs string-only contexts (it
  // compares them with !==), so only this credential gets the inline context.
  c['@context'].push({
    measures: {'@id': 'https://example.org/vocab#measures'},
    doubles: {'@id': 'https://example.org/vocab#doubles', '@type': 'http://www.w3.org/2001/XMLSchema#double'},
  });
  c.measures = rdfNumbers;
  // Coerced to xsd:double, both sides use toExponential(15), 1e-7 included.
  c.doubles = [...jcsOnlyNumbers, 1.0000152587890625, 852113669755236.2, 5];
  return c;
}

// One ulp up (positive finite x).
function nextUp(x) {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) + 1n);
  return b.getFloat64(0);
}

function tampered(signed) {
  const c = clone(signed);
  const i = c.measures.indexOf(9.760355075735633);
  c.measures[i] = nextUp(c.measures[i]);  // 9.760355075735634
  return c;
}

execFileSync(ecusson, ['keys', 'generate', '--type', 'ed25519', '-o', path.join(tmp, 'key.pem')]);
const shown = JSON.parse(execFileSync(ecusson, ['keys', 'show', path.join(tmp, 'key.pem'), '--json'], {encoding: 'utf8'}));
const ecussonDid = shown.didKey;
const jsKey = await Ed25519Multikey.generate();
const jsDid = `did:key:${jsKey.publicKeyMultibase}`;
jsKey.controller = jsDid;
jsKey.id = `${jsDid}#${jsKey.publicKeyMultibase}`;

for(const suiteName of Object.keys(suites)) {
  // 1. Ecusson signs; @digitalbazaar/vc verifies.
  const unsigned = path.join(tmp, `unsigned-${suiteName}.json`);
  const signedFile = path.join(tmp, `signed-by-ecusson-${suiteName}.json`);
  fs.writeFileSync(unsigned, JSON.stringify(credential(suiteName, ecussonDid), null, 2));
  const s = run(['sign', unsigned, '--key', path.join(tmp, 'key.pem'), '--proof', suiteName, '-o', signedFile]);
  check(s.status === 0, `${suiteName}: ecusson sign exits 0 (${s.stderr.trim()})`);
  if(s.status !== 0) continue;
  const byEcusson = JSON.parse(fs.readFileSync(signedFile, 'utf8'));
  {
    const r = await jsVerify(byEcusson, suiteName);
    check(r.verified === true, `${suiteName}: @digitalbazaar/vc verifies the numbers Ecusson signed${why(r)}`);
    const e = ecussonVerify(byEcusson, `own-${suiteName}`);
    check(e.exit === 0 && e.report?.verified === true,
      `${suiteName}: ecusson verifies its own credential (exit ${e.exit}, errors ${JSON.stringify(e.report?.errors)})`);
  }

  // 2. @digitalbazaar/vc signs; Ecusson verifies.
  const byJs = await jsSign(credential(suiteName, jsDid), jsKey, suiteName);
  {
    const r = await jsVerify(byJs, suiteName);
    check(r.verified === true, `${suiteName}: @digitalbazaar/vc verifies its own credential${why(r)}`);
    const e = ecussonVerify(byJs, `js-${suiteName}`);
    check(e.exit === 0 && e.report?.verified === true,
      `${suiteName}: ecusson verifies the numbers @digitalbazaar/vc signed (exit ${e.exit}, errors ${JSON.stringify(e.report?.errors)} ${e.stderr.trim()})`);
  }

  // 3. One ulp changed after signing: refused by both.
  for(const [origin, signed] of [['ecusson', byEcusson], ['@digitalbazaar/vc', byJs]]) {
    const doc = tampered(signed);
    const r = await jsVerify(doc, suiteName);
    check(r.verified === false, `${suiteName}, ${origin}-signed, 9.760355075735633 -> 9.760355075735634: @digitalbazaar/vc refuses`);
    const e = ecussonVerify(doc, `ulp-${suiteName}-${origin.replace(/\W/g, '')}`);
    check(e.exit === 1 && e.report?.verified === false,
      `${suiteName}, ${origin}-signed, 9.760355075735633 -> 9.760355075735634: ecusson refuses (exit ${e.exit})`);
  }
}

fs.rmSync(tmp, {recursive: true, force: true});
if(failures) {
  console.error(`${failures} interop check(s) failed`);
  process.exit(1);
}
console.log('all number interop checks passed');
