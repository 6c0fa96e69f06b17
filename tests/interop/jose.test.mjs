// Interop: Ecusson's VC-JWT against `jose` (an independent JOSE implementation).
//
//   node jose.test.mjs <ecusson-binary> <repo-root>
//
// 1. JWTs signed by `ecusson sign --proof vc-jwt` (EdDSA, ES256, RS256) verify with jose,
//    and their header holds only alg/kid|jwk/typ.
// 2. JWTs signed by jose with Ecusson-generated keys verify with `ecusson verify`.
// 3. Every tampered variant (changed payload, swapped key, alg none, HS256 keyed with the
//    public key, expired, wrong iss) is refused by both.
// 4. Issue 9 verdicts, tokens made by jose: the legacy `vc` claim past its exp
//    (validity.expired), VC-JOSE-COSE tokens (typ vc+jwt, cty vc) and the other typ/cty
//    values, an http(s) issuer's kid resolved through /.well-known/jwks.json (RS256), and
//    NumericDates out of range (jwt.claims).
// Exits non-zero on the first failed expectation (all results are printed).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as jose from 'jose';

const run = promisify(execFile);
const [ecusson, root] = process.argv.slice(2);
if (!ecusson || !root) {
  console.error('usage: node jose.test.mjs <ecusson-binary> <repo-root>');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'ecusson-jose-'));
let failures = 0;
let passes = 0;
function expect(cond, what) {
  if (cond) {
    passes++;
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}`);
  }
}

async function ecussonRun(args) {
  try {
    const { stdout, stderr } = await run(ecusson, args, { maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// "Now" for every verification: validFrom 2025-06-01, validUntil 2030-06-01.
const NOW = new Date('2026-01-01T00:00:00Z');
const VALID_FROM = '2025-06-01T08:00:00Z';
const VALID_UNTIL = '2030-06-01T08:00:00Z';
const NBF = Date.parse(VALID_FROM) / 1000;
const EXP = Date.parse(VALID_UNTIL) / 1000;

function credential(issuer, id) {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Mission Locale de test' },
    validFrom: VALID_FROM,
    validUntil: VALID_UNTIL,
    name: 'Travailler en équipe',
    credentialSubject: {
      id: 'did:example:alice',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://competences.example.fr/achievements/equipe/2',
        type: ['Achievement'],
        name: 'Travailler en équipe — niveau 2',
        description: 'Coopère avec ses collègues.',
        criteria: { narrative: 'Observé en situation de travail.' },
      },
    },
  };
}

const b64 = (s) => jose.base64url.encode(typeof s === 'string' ? new TextEncoder().encode(s) : s);
const parts = (jwt) => jwt.trim().split('.');
const decodeJson = (part) => JSON.parse(new TextDecoder().decode(jose.base64url.decode(part)));

// Local JWKS publisher for the RS256 issuer (http on loopback: --allow-private-network).
const jwks = { keys: [] };
const server = createServer((req, res) => {
  if (req.url === '/.well-known/jwks.json') {
    res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
    res.end(JSON.stringify(jwks));
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const httpIssuer = `http://127.0.0.1:${server.address().port}`;

// The Ecusson side is checked through the real command, `ecusson verify`.
const topHelp = await ecussonRun(['--help']);
const haveVerify = /^\s+verify\b/m.test(topHelp.stdout);
expect(haveVerify, 'ecusson verify is available');

async function ecussonVerify(jwt, name, { allowPrivate = true } = {}) {
  const file = join(dir, `${name}.jwt`);
  writeFileSync(file, jwt);
  const r = await ecussonRun([
    'verify', file, '--json', '--at', NOW.toISOString(),
    ...(allowPrivate ? ['--allow-private-network'] : []),
  ]);
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    /* not JSON: reported below */
  }
  return { ...r, report };
}

const types = [
  { type: 'ed25519', alg: 'EdDSA' },
  { type: 'p256', alg: 'ES256' },
  { type: 'rsa2048', alg: 'RS256' },
];

try {
  for (const { type, alg } of types) {
    // ---- Keys made by Ecusson, read by jose.
    const pem = join(dir, `${type}.pem`);
    const gen = await ecussonRun(['keys', 'generate', '--type', type, '-o', pem]);
    expect(gen.code === 0, `${type}: ecusson keys generate`);
    const show = JSON.parse((await ecussonRun(['keys', 'show', pem, '--json'])).stdout);
    const publicKey = await jose.importJWK(show.jwk, alg);
    const privateKey = await jose.importPKCS8(readFileSync(pem, 'utf8'), alg);
    expect((await jose.calculateJwkThumbprint(show.jwk)) === show.thumbprint,
      `${type}: RFC 7638 thumbprint agrees with jose`);
    const useDidKey = type !== 'rsa2048';
    const issuer = useDidKey ? show.didKey : httpIssuer;
    const kid = useDidKey ? show.verificationMethod : undefined;
    if (!useDidKey) jwks.keys.push({ ...show.jwk, use: 'sig', alg });
    const otherPem = join(dir, `${type}-other.pem`);
    await ecussonRun(['keys', 'generate', '--type', type, '-o', otherPem]);
    const otherPrivate = await jose.importPKCS8(readFileSync(otherPem, 'utf8'), alg);
    const otherShow = JSON.parse((await ecussonRun(['keys', 'show', otherPem, '--json'])).stdout);
    const otherPublic = await jose.importJWK(otherShow.jwk, alg);

    // ---- 1. Ecusson signs, jose verifies.
    const unsigned = join(dir, `${type}-unsigned.json`);
    writeFileSync(unsigned, JSON.stringify(credential(issuer, `urn:uuid:00000000-0000-4000-8000-00000000000${type.length}`)));
    const signed = await ecussonRun(['sign', unsigned, '--key', pem, '--proof', 'vc-jwt']);
    expect(signed.code === 0, `${type}: ecusson sign --proof vc-jwt (${signed.stderr.trim()})`);
    const jwt = signed.stdout.trim();
    const header = jose.decodeProtectedHeader(jwt);
    const allowed = new Set(['alg', 'kid', 'jwk', 'typ']);
    expect(header.alg === alg && Object.keys(header).every((k) => allowed.has(k)),
      `${type}: header has only alg/kid/jwk/typ (${JSON.stringify(Object.keys(header))})`);
    expect(!header.jwk || !('d' in header.jwk), `${type}: embedded jwk holds no "d"`);
    const verified = await jose
      .jwtVerify(jwt, publicKey, { algorithms: [alg], currentDate: NOW, issuer })
      .then((r) => r, () => null);
    expect(verified !== null, `${type}: jose verifies the Ecusson JWT`);
    if (verified) {
      const p = verified.payload;
      expect(p.iss === issuer && p.jti === p.id && p.sub === 'did:example:alice' &&
        p.nbf === NBF && p.exp === EXP && p.validFrom === VALID_FROM,
        `${type}: claims iss/jti/sub/nbf/exp equal the credential`);
    }

    // Tampered variants of the Ecusson JWT, checked by jose (and by Ecusson below).
    const [h64, p64, s64] = parts(jwt);
    const payload = decodeJson(p64);
    const variants = {
      'changed payload': `${h64}.${b64(JSON.stringify({ ...payload, name: 'Diplôme falsifié' }))}.${s64}`,
      'alg none': `${b64(JSON.stringify({ alg: 'none', ...(kid ? { kid } : {}) }))}.${p64}.`,
      'HS256 keyed with the public key': await new jose.SignJWT(payload)
        .setProtectedHeader({ alg: 'HS256', ...(kid ? { kid } : {}) })
        .sign(new TextEncoder().encode(await exportPublicPem(publicKey))),
    };
    for (const [what, bad] of Object.entries(variants)) {
      const ok = await jose
        .jwtVerify(bad, publicKey, { algorithms: [alg], currentDate: NOW, issuer })
        .then(() => true, () => false);
      expect(!ok, `${type}: jose refuses Ecusson JWT with ${what}`);
    }
    const swapped = await jose
      .jwtVerify(jwt, otherPublic, { algorithms: [alg], currentDate: NOW })
      .then(() => true, () => false);
    expect(!swapped, `${type}: jose refuses the Ecusson JWT under another key`);
    const late = await jose
      .jwtVerify(jwt, publicKey, { algorithms: [alg], currentDate: new Date((EXP + 3600) * 1000) })
      .then(() => true, () => false);
    expect(!late, `${type}: jose refuses the Ecusson JWT once expired`);
    const wrongIss = await jose
      .jwtVerify(jwt, publicKey, { algorithms: [alg], currentDate: NOW, issuer: 'did:web:autre.example' })
      .then(() => true, () => false);
    expect(!wrongIss, `${type}: jose refuses the Ecusson JWT for another issuer`);

    if (!haveVerify) continue;

    // Ecusson verifies its own JWT, and refuses the same tampered variants.
    const own = await ecussonVerify(jwt, `${type}-own`);
    expect(own.code === 0 && own.report?.verified === true,
      `${type}: ecusson verify accepts its own JWT (${own.report?.errors ?? own.stderr})`);
    for (const [what, bad] of Object.entries(variants)) {
      const r = await ecussonVerify(bad, `${type}-bad`);
      expect(r.code === 1 && r.report?.verified === false,
        `${type}: ecusson verify refuses its JWT with ${what} (${r.report?.errors})`);
    }

    // ---- 2. jose signs with the Ecusson key, Ecusson verifies.
    const claims = (over = {}) => ({
      ...credential(issuer, 'urn:uuid:11111111-2222-4333-8444-555555555555'),
      iss: issuer, jti: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      sub: 'did:example:alice', nbf: NBF, exp: EXP, ...over,
    });
    const hdr = kid ? { alg, kid, typ: 'JWT' } : { alg, jwk: show.jwk, typ: 'JWT' };
    const joseJwt = await new jose.SignJWT(claims()).setProtectedHeader(hdr).sign(privateKey);
    const good = await ecussonVerify(joseJwt, `${type}-jose`);
    expect(good.code === 0 && good.report?.verified === true && good.report?.format === 'ob3-vc-jwt',
      `${type}: ecusson verify accepts the jose JWT (${good.report?.errors ?? good.stderr})`);

    const [jh, jp, js] = parts(joseJwt);
    const joseVariants = {
      'changed payload': `${jh}.${b64(JSON.stringify(claims({ name: 'Diplôme falsifié' })))}.${js}`,
      'another key': await new jose.SignJWT(claims()).setProtectedHeader(hdr).sign(otherPrivate),
      'alg none': `${b64(JSON.stringify({ alg: 'none', ...(kid ? { kid } : {}) }))}.${jp}.`,
      'HS256 keyed with the public key': await new jose.SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', ...(kid ? { kid } : {}) })
        .sign(new TextEncoder().encode(await exportPublicPem(publicKey))),
      expired: await new jose.SignJWT(claims({ validUntil: '2025-12-01T00:00:00Z', exp: Date.parse('2025-12-01T00:00:00Z') / 1000 }))
        .setProtectedHeader(hdr).sign(privateKey),
      'wrong iss': await new jose.SignJWT(claims({ iss: 'did:web:autre.example' }))
        .setProtectedHeader(hdr).sign(privateKey),
    };
    for (const [what, bad] of Object.entries(joseVariants)) {
      const r = await ecussonVerify(bad, `${type}-jose-bad`);
      expect(r.code === 1 && r.report?.verified === false,
        `${type}: ecusson verify refuses the jose JWT with ${what} (${r.report?.errors})`);
      const j = await jose
        .jwtVerify(bad, publicKey, { algorithms: [alg], currentDate: NOW, issuer })
        .then(() => true, () => false);
      expect(!j, `${type}: jose refuses its own JWT with ${what}`);
    }
  }

  // ---- 4. Issue 9 verdicts (jose signs, ecusson verifies, the verdict and code asserted).
  if (haveVerify) {
    const hasError = (r, code) => r.report?.errors?.includes(code) === true;
    const edPem = join(dir, 'issue9-ed.pem');
    await ecussonRun(['keys', 'generate', '--type', 'ed25519', '-o', edPem]);
    const ed = JSON.parse((await ecussonRun(['keys', 'show', edPem, '--json'])).stdout);
    const edPrivate = await jose.importPKCS8(readFileSync(edPem, 'utf8'), 'EdDSA');
    const edPublic = await jose.importJWK(ed.jwk, 'EdDSA');
    const cred = credential(ed.didKey, 'urn:uuid:99999999-0000-4000-8000-000000000009');

    // 4.1 VCDM 1.1 form: credential in `vc`, no validUntil, exp passed.
    const { validUntil, validFrom, ...legacyVc } = cred;
    const pastExp = Date.parse('2025-12-01T00:00:00Z') / 1000;
    const legacy = await new jose.SignJWT({ vc: legacyVc })
      .setProtectedHeader({ alg: 'EdDSA', kid: ed.verificationMethod, typ: 'JWT' })
      .setIssuer(ed.didKey).setJti(cred.id).setSubject('did:example:alice')
      .setNotBefore(NBF).setExpirationTime(pastExp).sign(edPrivate);
    const joseLegacy = await jose.jwtVerify(legacy, edPublic, { currentDate: NOW })
      .then(() => 'accepted', (e) => e.code);
    expect(joseLegacy === 'ERR_JWT_EXPIRED', `issue 9.1: jose refuses the expired legacy token (${joseLegacy})`);
    const rLegacy = await ecussonVerify(legacy, 'issue9-legacy');
    expect(rLegacy.code === 1 && hasError(rLegacy, 'validity.expired'),
      `issue 9.1: ecusson verify refuses it with validity.expired (${rLegacy.report?.errors})`);
    const liveLegacy = await new jose.SignJWT({ vc: legacyVc })
      .setProtectedHeader({ alg: 'EdDSA', kid: ed.verificationMethod, typ: 'JWT' })
      .setIssuer(ed.didKey).setJti(cred.id).setSubject('did:example:alice')
      .setNotBefore(NBF).setExpirationTime(EXP).sign(edPrivate);
    const rLive = await ecussonVerify(liveLegacy, 'issue9-legacy-live');
    expect(rLive.code === 0 && rLive.report?.verified === true,
      `issue 9.1: the same legacy token before its exp verifies (${rLive.report?.errors})`);

    // 4.2 VC-JOSE-COSE: payload = the credential; typ/cty accepted and refused.
    const joseCose = async (header) => new jose.CompactSign(new TextEncoder().encode(JSON.stringify(cred)))
      .setProtectedHeader({ alg: 'EdDSA', kid: ed.verificationMethod, ...header }).sign(edPrivate);
    const headerCases = [
      [{ typ: 'vc+jwt', cty: 'vc' }, true],
      [{ typ: 'vc+jwt' }, true],
      [{ cty: 'vc' }, true],
      [{ typ: 'application/vc+jwt', cty: 'application/vc' }, true],
      [{ typ: 'vc+ld+json+jwt', cty: 'vc+ld+json' }, false],
      [{ typ: 'vp+jwt', cty: 'vp' }, false],
      [{ typ: 'JWT', cty: 'vc' }, false],
      [{ typ: 'vc+sd-jwt' }, false],
    ];
    for (const [header, accepted] of headerCases) {
      const token = await joseCose(header);
      const ok = await jose.compactVerify(token, edPublic).then(() => true, () => false);
      expect(ok, `issue 9.2: jose verifies its ${JSON.stringify(header)} token`);
      const r = await ecussonVerify(token, 'issue9-cose');
      if (accepted) {
        expect(r.code === 0 && r.report?.verified === true,
          `issue 9.2: ecusson verify accepts ${JSON.stringify(header)} (${r.report?.errors})`);
      } else {
        expect(r.code === 1 && hasError(r, 'jwt.header'),
          `issue 9.2: ecusson verify refuses ${JSON.stringify(header)} with jwt.header (${r.report?.errors})`);
      }
    }

    // 4.3 RS256 by an http issuer; kid names an entry of <authority>/.well-known/jwks.json.
    const rsPem = join(dir, 'issue9-rs.pem');
    await ecussonRun(['keys', 'generate', '--type', 'rsa2048', '-o', rsPem]);
    const rs = JSON.parse((await ecussonRun(['keys', 'show', rsPem, '--json'])).stdout);
    const rsPrivate = await jose.importPKCS8(readFileSync(rsPem, 'utf8'), 'RS256');
    jwks.keys.push({ ...rs.jwk, kid: 'issue9-key-1', use: 'sig', alg: 'RS256' });
    const httpCred = credential(`${httpIssuer}/issuers/9`, 'urn:uuid:99999999-0000-4000-8000-000000000093');
    const rsToken = await new jose.SignJWT({ ...httpCred })
      .setProtectedHeader({ alg: 'RS256', kid: 'issue9-key-1', typ: 'JWT' })
      .setIssuer(httpCred.issuer.id).setJti(httpCred.id).setSubject('did:example:alice')
      .setNotBefore(NBF).setExpirationTime(EXP).sign(rsPrivate);
    const joseJwks = jose.createRemoteJWKSet(new URL(`${httpIssuer}/.well-known/jwks.json`));
    const joseRs = await jose.jwtVerify(rsToken, joseJwks, { currentDate: NOW }).then(() => true, () => false);
    expect(joseRs, 'issue 9.3: jose verifies the RS256 token through the JWKS');
    const rRs = await ecussonVerify(rsToken, 'issue9-rs');
    expect(rRs.code === 0 && rRs.report?.verified === true,
      `issue 9.3: ecusson verify resolves the kid through the JWKS (${rRs.report?.errors})`);
    const rRsNoFlag = await ecussonVerify(rsToken, 'issue9-rs-noflag', { allowPrivate: false });
    expect(rRsNoFlag.code === 1 && hasError(rRsNoFlag, 'key.resolution'),
      `issue 9.3: without --allow-private-network the loopback JWKS is not fetched (${rRsNoFlag.report?.errors})`);

    // 4.4 NumericDates out of range: a clear jwt.claims refusal.
    for (const exp of ['1e300', '-1e300', '18446744073709551615']) {
      const body = JSON.stringify({ ...cred, iss: ed.didKey, jti: cred.id, sub: 'did:example:alice', nbf: NBF })
        .replace(/}$/, `,"exp":${exp}}`);
      const token = await new jose.CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader({ alg: 'EdDSA', kid: ed.verificationMethod }).sign(edPrivate);
      const r = await ecussonVerify(token, 'issue9-exp');
      expect(r.code === 1 && hasError(r, 'jwt.claims'),
        `issue 9.4: exp ${exp} is refused with jwt.claims (${r.report?.errors})`);
    }
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

async function exportPublicPem(key) {
  return jose.exportSPKI(key);
}

console.log(`${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
