// Interop: badges issued by Ecusson's workflow (`ecusson init`, `ecusson batch`,
// `ecusson revoke`) checked by independent implementations:
//   - 1EdTech's OB 3.0 AchievementCredential JSON Schema, with ajv (draft 2019-09);
//   - @digitalbazaar/vc (eddsa-rdfc-2022) with @digitalbazaar/vc-bitstring-status-list,
//     fetching the status lists over real HTTP from the folder Ecusson publishes;
//   - jose for the VC-JWT form (signature with the issuer's did:key public key).
// After `ecusson revoke`, the revoked badge's revocation bit is set for the digitalbazaar
// verifier and `ecusson verify` refuses it with status.revoked; the others stay clear.
//
//   node issued.test.mjs <ecusson binary> <repo root>
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import * as jose from 'jose';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {offlineDocumentLoader} from './lib/offline_loader.mjs';

const [ecusson, root] = process.argv.slice(2);
if(!ecusson || !root) {
  console.error('usage: node issued.test.mjs <ecusson> <repo-root>');
  process.exit(2);
}

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : ` — ${detail}`}`);
  if(!ok) failures++;
}
// Asynchronous: the HTTP server below answers from this process while ecusson runs.
function run(args) {
  return new Promise(resolve => {
    execFile(ecusson, [...args, '--lang', 'en'], {encoding: 'utf8', maxBuffer: 64 << 20},
      (error, stdout, stderr) => resolve({exit: error ? error.code : 0, out: stdout, err: stderr}));
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecusson-issued-interop-'));
const dir = path.join(tmp, 'var');
const publicDir = path.join(dir, 'public');

// A real HTTP server on loopback serving the issuer's public folder.
const server = http.createServer((req, res) => {
  const file = path.join(publicDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if(!file.startsWith(publicDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {'content-type': 'application/json'}).end(fs.readFileSync(file));
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

try {
  const init = await run(['init', '--dir', dir, '--base-url', base, '--issuer-name', 'PLIE Interop',
    '--issuer-url', 'https://plie.example.fr', '--email', 'badges@plie.example.fr']);
  check(init.exit === 0, 'ecusson init', init.err);
  const csv = path.join(tmp, 'lot.csv');
  fs.writeFileSync(csv, 'email,given_name,family_name,competence,level,narrative\n' +
    'lea@example.fr,Léa,Moreau,ORG.ACT,2,"Planifie, range"\n' +
    'karim@example.fr,Karim,Haddad,ORG.REG,3,\n' +
    'sophie@example.fr,Sophie,Nguyen,ORG.EQU,1,]]> and <tags> & "quotes"\n');
  const out = path.join(tmp, 'out');
  const batch = await run(['batch', csv, '--out', out, '--dir', dir, '--consent-collected',
    '--by', 'Interop']);
  check(batch.exit === 0, 'ecusson batch issues 3 badges', batch.err + batch.out);
  const credentials = fs.readFileSync(path.join(out, 'credentials.jsonl'), 'utf8')
    .trim().split('\n').map(line => JSON.parse(line));
  check(credentials.length === 3, 'credentials.jsonl has 3 lines');

  // 1. 1EdTech's JSON Schema.
  const schema = JSON.parse(fs.readFileSync(path.join(root, '..', 'shared', 'conformance',
    'ob3', 'schemas', 'ob_v3p0_achievementcredential_schema.json'), 'utf8'));
  const ajv = new Ajv2019({strict: false, allErrors: true});
  addFormats(ajv);
  const validate = ajv.compile(schema);
  for(const c of credentials) {
    const ok = validate(c);
    check(ok, `JSON Schema (ajv): ${c.id}`, JSON.stringify(validate.errors));
  }
  // The validator can refuse: a credential without its achievement fails.
  const broken = structuredClone(credentials[0]);
  delete broken.credentialSubject.achievement;
  check(!validate(broken), 'JSON Schema refuses a credential without achievement');

  // 2. @digitalbazaar/vc with the status lists fetched over HTTP.
  const offline = offlineDocumentLoader(root);
  const documentLoader = async url => {
    if(url.startsWith(base + '/')) {
      const r = await fetch(url);
      if(!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
      return {contextUrl: null, documentUrl: url, document: await r.json()};
    }
    return offline(url);
  };
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  async function jsVerify(credential) {
    const result = await vc.verifyCredential({
      credential, suite, documentLoader,
      checkStatus: options => checkStatus({...options, suite, documentLoader})
    });
    const revoked = result.statusResult?.results?.find(
      r => r.credentialStatus.statusPurpose === 'revocation')?.status;
    return {verified: result.verified, revoked, error: result.error};
  }
  for(const c of credentials) {
    const r = await jsVerify(c);
    check(r.verified && r.revoked === false, `@digitalbazaar/vc verifies ${c.id}, not revoked`,
      String(r.error));
  }
  const tampered = structuredClone(credentials[1]);
  tampered.credentialSubject.achievement.name = 'Diriger une équipe';
  check(!(await jsVerify(tampered)).verified, '@digitalbazaar/vc refuses a tampered credential');

  // 3. jose: the VC-JWT form, with the issuer's did:key public key.
  const issuerDid = credentials[0].issuer.id;
  const keyPair = await Ed25519Multikey.from({
    id: `${issuerDid}#${issuerDid.slice(8)}`, controller: issuerDid,
    publicKeyMultibase: issuerDid.slice(8)});
  const jwk = await Ed25519Multikey.toJwk({keyPair});
  const publicKey = await jose.importJWK({...jwk, alg: 'EdDSA'}, 'EdDSA');
  for(const c of credentials) {
    const show = await run(['credentials', 'show', c.id, '--dir', dir, '--format', 'ob3-jwt']);
    const token = show.out.trim();
    let ok = false, detail = show.err;
    try {
      const {payload} = await jose.compactVerify(token, publicKey);
      const claims = JSON.parse(new TextDecoder().decode(payload));
      ok = claims.jti === c.id && claims.iss === issuerDid && claims.id === c.id;
    } catch(e) {
      detail = e.message;
    }
    check(ok, `jose verifies the VC-JWT of ${c.id}`, detail);
  }

  // 4. Revocation, published, seen by both verifiers.
  const victim = credentials[0];
  const revoke = await run(['revoke', victim.id, '--reason', 'erreur de saisie', '--dir', dir]);
  check(revoke.exit === 0, 'ecusson revoke', revoke.err);
  const after = await jsVerify(victim);
  check(after.revoked === true, '@digitalbazaar/vc sees the revocation bit set', String(after.error));
  const other = await jsVerify(credentials[1]);
  check(other.verified && other.revoked === false, 'the other badges stay clear');
  const file = path.join(tmp, 'victim.json');
  fs.writeFileSync(file, JSON.stringify(victim));
  const verdict = await run(['verify', file, '--json', '--allow-private-network']);
  let report = {};
  try {
    report = JSON.parse(verdict.out);
  } catch {}
  check(verdict.exit === 1 && (report.errors || []).includes('status.revoked'),
    'ecusson verify refuses the revoked badge with status.revoked', verdict.out + verdict.err);
  const otherFile = path.join(tmp, 'other.json');
  fs.writeFileSync(otherFile, JSON.stringify(credentials[1]));
  const fine = await run(['verify', otherFile, '--json', '--allow-private-network']);
  check(fine.exit === 0, 'ecusson verify accepts a badge that is not revoked', fine.out + fine.err);
} finally {
  server.close();
  fs.rmSync(tmp, {recursive: true, force: true});
}

if(failures) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
console.log('all interop checks passed');
