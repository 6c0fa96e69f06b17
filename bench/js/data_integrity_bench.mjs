// @digitalbazaar/vc sign/verify per second (eddsa-rdfc-2022) on the same OB 3.0 credential
// as bench/data_integrity_bench.cc, for comparison with Ecusson (bench/README.md).
//
//   node bench/js/data_integrity_bench.mjs [repo-root] [seconds-per-measure]
//
// Uses the pinned packages installed in tests/interop/node_modules (npm ci there first)
// and an offline document loader (bundled contexts + did:key), like the interop test.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const seconds = Number(process.argv[3] || 5);
const mods = path.join(root, 'tests', 'interop', 'node_modules', '@digitalbazaar');
const load = p => import(pathToFileURL(path.join(mods, p)).href);
const vc = await load('vc/lib/index.js');
const {DataIntegrityProof} = await load('data-integrity/lib/index.js');
const {cryptosuite: eddsaRdfc2022} = await load('eddsa-rdfc-2022-cryptosuite/lib/index.js');
const Ed25519Multikey = await load('ed25519-multikey/lib/index.js');

const contextsDir = path.join(root, 'templates', 'contexts');
const index = JSON.parse(fs.readFileSync(path.join(contextsDir, 'index.json'), 'utf8'));
const cache = new Map();
async function documentLoader(url) {
  if(index[url]) {
    if(!cache.has(url)) {
      cache.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, index[url]), 'utf8')));
    }
    return {contextUrl: null, documentUrl: url, document: cache.get(url)};
  }
  if(url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const mb = did.slice('did:key:'.length);
    const vm = {id: `${did}#${mb}`, type: 'Multikey', controller: did, publicKeyMultibase: mb};
    const document = fragment !== undefined ?
      {'@context': 'https://w3id.org/security/multikey/v1', ...vm} :
      {'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did, verificationMethod: [vm], assertionMethod: [vm.id]};
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline loader refuses ${url}`);
}

const credential = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'data', 'bench', 'ob3-credential.json'), 'utf8'));
const key = await Ed25519Multikey.generate();
const did = `did:key:${key.publicKeyMultibase}`;
key.controller = did;
key.id = `${did}#${key.publicKeyMultibase}`;
credential.issuer.id = did;

const sign = () => vc.issue({
  credential: structuredClone(credential),
  suite: new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022,
    date: '2026-03-15T09:00:00Z'}),
  documentLoader
});
const signed = await sign();
const verify = async () => {
  const r = await vc.verifyCredential({
    credential: signed, suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022}), documentLoader});
  if(!r.verified) throw new Error('verification failed: ' + r.error);
};

async function measure(name, f) {
  for(let i = 0; i < 20; i++) await f();  // warm-up (JIT, context caches)
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let n = 0;
  while(Number(process.hrtime.bigint() - t0) < seconds * 1e9) {
    await f();
    n++;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  // Both rates: wall clock, and per CPU second (the machine may be shared).
  console.log(`${name}: ${(n / wall).toFixed(1)} per second wall, ` +
    `${(n / cpu).toFixed(1)} per CPU second (${n} in ${wall.toFixed(2)} s)`);
}

console.log(`node ${process.version}, @digitalbazaar/vc, eddsa-rdfc-2022, ${seconds} s per measure`);
await measure('js_sign', sign);
await measure('js_verify', verify);
