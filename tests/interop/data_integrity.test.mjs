// Interop: Data Integrity (eddsa-rdfc-2022) between Ecusson and @digitalbazaar/vc.
//
//   node data_integrity.test.mjs <ecusson binary> <repo root>
//
// 1. Ecusson signs an OB 3.0 credential (`ecusson sign --proof eddsa-rdfc-2022`); the
//    digitalbazaar stack verifies it (offline document loader over templates/contexts,
//    did:key resolved locally).
// 2. @digitalbazaar/vc signs the same credential; `ecusson verify --json` verifies it.
// 3. Tampered variants are refused by both: changed achievement name, recipient, date;
//    altered proofValue; a proof by another key; an unknown cryptosuite; a missing context.
// Exits non-zero on the first disagreement.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {offlineDocumentLoader} from './lib/offline_loader.mjs';

const [ecusson, root] = process.argv.slice(2);
if(!ecusson || !root) {
  console.error('usage: node data_integrity.test.mjs <ecusson> <repo-root>');
  process.exit(2);
}

const documentLoader = offlineDocumentLoader(root);

// --- Helpers ------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecusson-di-interop-'));
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if(!ok) failures++;
}
const clone = o => JSON.parse(JSON.stringify(o));

function run(args) {
  return spawnSync(ecusson, args, {encoding: 'utf8'});
}

function ecussonVerify(doc, name) {
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = run(['verify', file, '--json', '--lang', 'en']);
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // not JSON: reported below
  }
  return {exit: r.status, report, stderr: r.stderr};
}

async function jsVerify(credential) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({credential, suite, documentLoader});
  return result;
}

async function jsSign(credential, keyPair) {
  const suite = new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022});
  return vc.issue({credential: clone(credential), suite, documentLoader});
}

// Tampered variants of a signed credential, each with the reason it must fail.
function tamperings(signed, otherSigned) {
  const out = [];
  const t = (name, f) => {
    const c = clone(signed);
    f(c);
    out.push([name, c]);
  };
  t('achievement name changed', c => {
    c.credentialSubject.achievement.name = 'Diriger une équipe - niveau 4';
  });
  t('recipient changed', c => {
    c.credentialSubject.identifier[0].identityHash = 'sha256$' + '0'.repeat(64);
  });
  t('validFrom changed', c => {
    c.validFrom = '2025-03-15T09:00:00Z';
  });
  t('proofValue altered', c => {
    const v = c.proof.proofValue;
    const i = Math.floor(v.length / 2);
    c.proof.proofValue = v.slice(0, i) + (v[i] === 'A' ? 'B' : 'A') + v.slice(i + 1);
  });
  t('proof by another key', c => {
    c.proof = clone(otherSigned.proof);
  });
  t('unknown cryptosuite', c => {
    c.proof.cryptosuite = 'eddsa-rdfc-2099';
  });
  t('OB context missing', c => {
    c['@context'] = c['@context'].filter(u => !u.includes('imsglobal'));
  });
  return out;
}

// --- The credential -----------------------------------------------------------------------
const base = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'data', 'bench', 'ob3-credential.json'), 'utf8'));
// Dates relative to now so that validity checks pass.
base.validFrom = new Date(Date.now() - 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// 1. Ecusson signs; @digitalbazaar/vc verifies.
execFileSync(ecusson, ['keys', 'generate', '--type', 'ed25519', '-o', path.join(tmp, 'key.pem')]);
const shown = JSON.parse(execFileSync(ecusson, ['keys', 'show', path.join(tmp, 'key.pem'), '--json'], {encoding: 'utf8'}));
const ecussonDid = shown.didKey;
const unsignedForEcusson = clone(base);
unsignedForEcusson.issuer.id = ecussonDid;
fs.writeFileSync(path.join(tmp, 'unsigned.json'), JSON.stringify(unsignedForEcusson, null, 2));
const signRun = run(['sign', path.join(tmp, 'unsigned.json'), '--key', path.join(tmp, 'key.pem'),
  '--proof', 'eddsa-rdfc-2022', '-o', path.join(tmp, 'signed-by-ecusson.json')]);
check(signRun.status === 0, `ecusson sign exits 0 (${signRun.stderr.trim()})`);
const signedByEcusson = JSON.parse(fs.readFileSync(path.join(tmp, 'signed-by-ecusson.json'), 'utf8'));
{
  const r = await jsVerify(signedByEcusson);
  check(r.verified === true, `@digitalbazaar/vc verifies the credential Ecusson signed${r.verified ? '' : ': ' + (r.error?.message || JSON.stringify(r.results?.[0]?.error?.message))}`);
  const e = ecussonVerify(signedByEcusson, 'ecusson-own');
  check(e.exit === 0 && e.report?.verified === true, 'ecusson verifies its own credential');
}

// 2. @digitalbazaar/vc signs; Ecusson verifies.
const jsKey = await Ed25519Multikey.generate();
const jsDid = `did:key:${jsKey.publicKeyMultibase}`;
jsKey.controller = jsDid;
jsKey.id = `${jsDid}#${jsKey.publicKeyMultibase}`;
const unsignedForJs = clone(base);
unsignedForJs.issuer.id = jsDid;
const signedByJs = await jsSign(unsignedForJs, jsKey);
{
  const r = await jsVerify(signedByJs);
  check(r.verified === true, '@digitalbazaar/vc verifies its own credential');
  const e = ecussonVerify(signedByJs, 'signed-by-js');
  check(e.exit === 0 && e.report?.verified === true,
    `ecusson verify --json accepts the credential @digitalbazaar/vc signed (exit ${e.exit}, errors ${JSON.stringify(e.report?.errors)} ${e.stderr.trim()})`);
}

// A proof made by another key (the JS key) over Ecusson's credential, for "another key".
const otherSigned = await jsSign(unsignedForEcusson, jsKey);

// 3. Tampered variants: refused by both.
for(const [origin, signed, other] of [['ecusson', signedByEcusson, otherSigned],
  ['@digitalbazaar/vc', signedByJs, await jsSign(unsignedForJs, await Ed25519Multikey.generate().then(k => {
    const d = `did:key:${k.publicKeyMultibase}`;
    k.controller = d;
    k.id = `${d}#${k.publicKeyMultibase}`;
    return k;
  }))]]) {
  for(const [name, doc] of tamperings(signed, other)) {
    const js = await jsVerify(doc);
    check(js.verified === false, `${origin}-signed, ${name}: @digitalbazaar/vc refuses`);
    const e = ecussonVerify(doc, `${origin.replace(/\W/g, '')}-${name.replace(/\W/g, '-')}`);
    check(e.exit === 1 && e.report?.verified === false,
      `${origin}-signed, ${name}: ecusson refuses (exit ${e.exit}, errors ${JSON.stringify(e.report?.errors)})`);
  }
}

fs.rmSync(tmp, {recursive: true, force: true});
if(failures) {
  console.error(`${failures} interop check(s) failed`);
  process.exit(1);
}
console.log('all Data Integrity interop checks passed');
