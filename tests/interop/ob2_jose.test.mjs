// Interop: Open Badges 2.0 signed and hosted assertions between Ecusson and `jose`.
//   1. Signed assertions Ecusson issues verify with jose (RS256 against the published PEM).
//   2. An assertion signed by jose, with issuer/key/badge documents written by hand and
//      served by this script on 127.0.0.1, verifies with Ecusson; so does a hand-written
//      hosted assertion.
//   3. Tampered variants are refused by both sides.
// Usage: node ob2_jose.test.mjs <ecusson-binary> <repo-root>
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import * as jose from 'jose';

const [ecusson, root] = process.argv.slice(2);
const tmp = mkdtempSync(join(tmpdir(), 'ecusson-ob2-jose-'));
const run = promisify(execFile);

// ecusson must run asynchronously: this process also serves the documents it fetches.
async function ecussonRun(args) {
  try {
    const { stdout } = await run(ecusson, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
    return { code: 0, out: stdout };
  } catch (e) {
    return { code: e.code, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}
async function verify(input, extra = []) {
  const r = await ecussonRun(['ob2', 'verify', '--json', '--allow-private-network', ...extra, input]);
  return { code: r.code, report: r.out ? JSON.parse(r.out) : null, err: r.err };
}
function tamper(jws) {
  const [h, p, s] = jws.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  payload.issuedOn = '2020-02-02T00:00:00Z';
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}

// A tiny static server: path → {status, type, body}.
const routes = new Map();
const server = createServer((req, res) => {
  const r = routes.get(req.url.split('?')[0]);
  if (!r) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'application/ld+json' });
  res.end(r.body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const ctx = 'https://w3id.org/openbadges/v2';
let checks = 0;

try {
  // ---- 1. Ecusson issues, jose verifies ----------------------------------------------
  const out = join(tmp, 'issued');
  const issued = await ecussonRun([
    'ob2', 'issue', '--json', '--base-url', `${base}/ecusson`, '--issuer-name', 'Mission locale',
    '--issuer-url', 'https://example.fr', '--issuer-email', 'contact@example.fr',
    '--recipient', 'ana@example.org', '--name', 'Communiquer', '--description', 'Échanger',
    '--image', 'https://example.fr/i.png', '--criteria', 'Niveau 2', '-o', out]);
  assert.equal(issued.code, 0, issued.err);
  const manifest = JSON.parse(issued.out);
  const signedDir = join(out, 'signed');
  const jwsFile = readdirSync(signedDir).find((f) => f.endsWith('.jws'));
  const jws = readFileSync(join(signedDir, jwsFile), 'utf8').trim();
  const keyDoc = JSON.parse(readFileSync(join(out, 'keys/1.json'), 'utf8'));
  assert.equal(keyDoc.id, manifest.key);
  const pub = await jose.importSPKI(keyDoc.publicKeyPem, 'RS256');
  const { payload, protectedHeader } = await jose.compactVerify(jws, pub);
  assert.equal(protectedHeader.alg, 'RS256');
  const assertion = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(assertion['@context'], ctx);
  assert.equal(assertion.type, 'Assertion');
  assert.match(assertion.id, /^urn:uuid:/);
  assert.equal(assertion.verification.type, 'SignedBadge');
  assert.equal(assertion.verification.creator, keyDoc.id);
  assert.equal(assertion.recipient.hashed, true);
  assert.match(assertion.recipient.identity, /^sha256\$[0-9a-f]{64}$/);
  checks++;
  // The issuer profile links the key both ways.
  const issuerDoc = JSON.parse(readFileSync(join(out, 'issuer.json'), 'utf8'));
  assert.equal(issuerDoc.publicKey, keyDoc.id);
  assert.equal(keyDoc.owner, issuerDoc.id);
  checks++;
  // jose refuses a tampered Ecusson assertion.
  await assert.rejects(jose.compactVerify(tamper(jws), pub));
  checks++;

  // ---- 2. jose signs, Ecusson verifies -------------------------------------------------
  const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const spki = await jose.exportSPKI(publicKey);
  const issuerId = `${base}/hand/issuer.json`;
  const keyId = `${base}/hand/key.json`;
  const listId = `${base}/hand/revoked.json`;
  const badgeId = `${base}/hand/badge.json`;
  const put = (url, doc, extra = {}) =>
    routes.set(url.slice(base.length), { body: typeof doc === 'string' ? doc : JSON.stringify(doc), ...extra });
  put(issuerId, { '@context': ctx, type: 'Issuer', id: issuerId, name: 'Hand-made issuer',
                  url: 'https://hand.example', email: 'hand@hand.example', publicKey: keyId,
                  revocationList: listId });
  put(keyId, { '@context': ctx, type: 'CryptographicKey', id: keyId, owner: issuerId, publicKeyPem: spki });
  put(listId, { '@context': ctx, type: 'RevocationList', id: listId, issuer: issuerId,
                revokedAssertions: ['urn:uuid:00000000-0000-4000-8000-00000000dead'] });
  put(badgeId, { '@context': ctx, type: 'BadgeClass', id: badgeId, name: 'Hand badge',
                 description: 'Made with jose', image: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg==',
                 criteria: { narrative: 'Be verified.' }, issuer: issuerId });
  const salt = 'sel-de-mer';
  const { createHash } = await import('node:crypto');
  const identity = 'sha256$' + createHash('sha256').update('bob@example.org' + salt).digest('hex');
  const handAssertion = (id) => ({
    '@context': ctx, type: 'Assertion', id,
    recipient: { type: 'email', hashed: true, salt, identity },
    badge: badgeId, issuedOn: '2025-01-01T00:00:00Z',
    verification: { type: 'SignedBadge', creator: keyId } });
  const sign = (doc, header = { alg: 'RS256' }, key = privateKey) =>
    new jose.CompactSign(new TextEncoder().encode(JSON.stringify(doc))).setProtectedHeader(header).sign(key);
  const joseJws = await sign(handAssertion('urn:uuid:6f1c2a9e-3b4d-4c5e-8f70-123456789abc'));
  writeFileSync(join(tmp, 'jose.jws'), joseJws);
  let v = await verify(join(tmp, 'jose.jws'), ['--recipient', 'Bob@Example.org']);
  assert.equal(v.code, 0, JSON.stringify(v.report) + v.err);
  assert.equal(v.report.verified, true);
  assert.equal(v.report.format, 'ob2-signed');
  assert.equal(v.report.credential.issuer.name, 'Hand-made issuer');
  checks++;

  // Tampered jose JWS → proof.signature.
  writeFileSync(join(tmp, 'tampered.jws'), tamper(joseJws));
  v = await verify(join(tmp, 'tampered.jws'));
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('proof.signature'), JSON.stringify(v.report));
  checks++;
  // Revoked by the hand-written list.
  const revokedJws = await sign(handAssertion('urn:uuid:00000000-0000-4000-8000-00000000dead'));
  writeFileSync(join(tmp, 'revoked.jws'), revokedJws);
  v = await verify(join(tmp, 'revoked.jws'));
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('status.revoked'), JSON.stringify(v.report));
  checks++;
  // HS256 keyed with the published PEM (algorithm confusion) → refused.
  const hs = await sign(handAssertion('urn:uuid:6f1c2a9e-3b4d-4c5e-8f70-123456789abc'), { alg: 'HS256' },
                        new TextEncoder().encode(spki));
  writeFileSync(join(tmp, 'hs.jws'), hs);
  v = await verify(join(tmp, 'hs.jws'));
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('proof.unsupported'), JSON.stringify(v.report));
  checks++;
  // alg "none" → refused.
  const noneJws = Buffer.from('{"alg":"none"}').toString('base64url') + '.' +
                  Buffer.from(JSON.stringify(handAssertion('urn:uuid:6f1c2a9e-3b4d-4c5e-8f70-123456789abc'))).toString('base64url') + '.';
  writeFileSync(join(tmp, 'none.jws'), noneJws);
  v = await verify(join(tmp, 'none.jws'));
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('proof.unsupported'), JSON.stringify(v.report));
  checks++;
  // Signed by another RSA key that the issuer does not publish → refused.
  const other = await jose.generateKeyPair('RS256', { modulusLength: 2048 });
  writeFileSync(join(tmp, 'other.jws'), await sign(handAssertion('urn:uuid:6f1c2a9e-3b4d-4c5e-8f70-123456789abc'), { alg: 'RS256' }, other.privateKey));
  v = await verify(join(tmp, 'other.jws'));
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('proof.signature'), JSON.stringify(v.report));
  checks++;

  // ---- Hosted, written by hand -----------------------------------------------------------
  const hostedId = `${base}/hand/assertions/1.json`;
  const hosted = { '@context': ctx, type: 'Assertion', id: hostedId,
                   recipient: { type: 'email', hashed: false, identity: 'bob@example.org' },
                   badge: badgeId, issuedOn: '2025-01-01T00:00:00+01:00',
                   verification: { type: 'hosted' } };
  put(hostedId, hosted);
  v = await verify(hostedId, ['--recipient', 'bob@example.org']);
  assert.equal(v.code, 0, JSON.stringify(v.report) + v.err);
  assert.equal(v.report.format, 'ob2-hosted');
  checks++;
  // A local copy with a forged expiry is ignored: the published copy is used.
  writeFileSync(join(tmp, 'hosted.json'), JSON.stringify({ ...hosted, expires: '2026-01-01T00:00:00Z', badge: `${base}/hand/other.json` }));
  v = await verify(join(tmp, 'hosted.json'));
  assert.equal(v.code, 0, JSON.stringify(v.report));
  // No expiry published: the report has no validUntil at all (design §3, issue 9).
  assert.ok(!('validUntil' in v.report.credential), JSON.stringify(v.report.credential));
  checks++;
  // Revoked: 410 Gone.
  put(hostedId, { '@context': ctx, id: hostedId, revoked: true, revocationReason: 'test' }, { status: 410 });
  v = await verify(hostedId);
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('status.revoked'), JSON.stringify(v.report));
  checks++;
  // Tampered hosted copy published under another host name's scope → hosted.scope.
  const foreign = `http://localhost:${server.address().port}/hand/assertions/2.json`;
  put(`${base}/hand/assertions/2.json`, { ...hosted, id: foreign });
  v = await verify(foreign);
  assert.equal(v.code, 1);
  assert.ok(v.report.errors.includes('hosted.scope') || v.report.errors.includes('hosted.fetch'),
            JSON.stringify(v.report));
  checks++;

  console.log(`ob2_jose: ${checks} checks passed`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
