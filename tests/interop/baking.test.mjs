// Interop: PNG/SVG baking checked by an independent implementation (this script's own PNG
// chunk reader/writer and CRC-32 table, written from the PNG spec; `jose` for JWS).
// Usage: node baking.test.mjs <ecusson-binary> <repo-root>
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import * as jose from 'jose';

const [ecusson, root] = process.argv.slice(2);
const conf = join(root, 'tests/data/conformance');
const heart = join(conf, 'ob2/validator-core-fixtures/public_domain_heart.png');
const tmp = mkdtempSync(join(tmpdir(), 'ecusson-baking-'));

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunks(png) {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out = [];
  let pos = 8;
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString('latin1');
    const data = png.subarray(pos + 8, pos + 8 + len);
    const crc = png.readUInt32BE(pos + 8 + len);
    assert.equal(crc, crc32(png.subarray(pos + 4, pos + 8 + len)), `CRC of ${type}`);
    out.push({ type, data });
    pos += 12 + len;
  }
  return out;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function ecussonRun(args) {
  return execFileSync(ecusson, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

try {
  // 1. Ecusson bakes a VC-JWT; we read the PNG ourselves.
  const jwt = readFileSync(join(conf, 'ob3/validator-fixtures/ob30/simple.jwt'), 'utf8').trim();
  const bakedPath = join(tmp, 'baked.png');
  ecussonRun(['bake', join(conf, 'ob3/validator-fixtures/ob30/simple.jwt'), '--image', heart, '-o', bakedPath]);
  const cs = chunks(readFileSync(bakedPath));
  const itxt = cs.filter((c) => c.type === 'iTXt');
  assert.equal(itxt.length, 1, 'exactly one iTXt');
  assert.equal(cs[cs.length - 1].type, 'IEND');
  assert.equal(cs[cs.length - 2].type, 'iTXt', 'iTXt just before IEND');
  const d = itxt[0].data;
  const kwEnd = d.indexOf(0);
  assert.equal(d.subarray(0, kwEnd).toString('latin1'), 'openbadgecredential');
  assert.equal(d[kwEnd + 1], 0, 'compression flag 0');
  assert.equal(d[kwEnd + 2], 0, 'compression method 0');
  assert.equal(d[kwEnd + 3], 0, 'empty language tag');
  assert.equal(d[kwEnd + 4], 0, 'empty translated keyword');
  const text = d.subarray(kwEnd + 5).toString('utf8');
  assert.equal(text, jwt);
  const claims = jose.decodeJwt(text);
  assert.ok(claims.vc || claims.credentialSubject, 'JWT payload is a credential');

  // 2. We bake a PNG ourselves (as the spec's iTXt example); Ecusson unbakes it.
  const credential = JSON.stringify({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6b0f7e8a-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://example.org/issuer', type: ['Profile'], name: 'Émetteur' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:1', type: ['AchievementSubject'] },
  });
  const data = Buffer.concat([Buffer.from('openbadgecredential', 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(credential, 'utf8')]);
  const plain = chunks(readFileSync(heart));
  const parts = [readFileSync(heart).subarray(0, 8)];
  for (const c of plain) {
    if (c.type === 'IEND') parts.push(chunk('iTXt', data));
    parts.push(chunk(c.type, c.data));
  }
  const ours = join(tmp, 'ours.png');
  writeFileSync(ours, Buffer.concat(parts));
  const un = JSON.parse(ecussonRun(['unbake', '--json', ours]));
  assert.equal(un.kind, 'ob3-json');
  assert.deepEqual(JSON.parse(un.payload), JSON.parse(credential));

  // 3. SVG: the first child of <svg> is the credential element, JSON in CDATA.
  const credPath = join(tmp, 'cred.json');
  writeFileSync(credPath, credential);
  const svgOut = join(tmp, 'baked.svg');
  ecussonRun(['bake', credPath, '--image', join(conf, 'ob3/validator-fixtures/ob30/simple-jwt.svg'), '-o', svgOut]);
  const svg = readFileSync(svgOut, 'utf8');
  const m = svg.match(/<svg\b[^>]*>\s*<openbadges:credential>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/openbadges:credential>/);
  assert.ok(m, 'credential element right after <svg>');
  assert.match(svg.match(/<svg\b[^>]*>/)[0], /xmlns:openbadges="https:\/\/purl\.imsglobal\.org\/ob\/v3p0"/);
  assert.deepEqual(JSON.parse(m[1]), JSON.parse(credential));
  assert.equal((svg.match(/<openbadges:credential/g) || []).length, 1, 'old JWS element replaced');

  console.log('baking interop: ok');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
