// Generates (hex IEEE-754, ECMAScript Number::toString) pairs: random bit patterns,
// random "decimal-looking" values and boundaries around the notation switch points.
import crypto from 'node:crypto';
const out = [];
const b = Buffer.alloc(8);
function add(d) { if (!Number.isFinite(d)) return; b.writeDoubleBE(d); out.push(b.toString('hex') + ',' + String(d)); }
for (let i = 0; i < 1500; i++) { crypto.randomFillSync(b); add(b.readDoubleBE(0)); }
for (let i = 0; i < 500; i++) { const e = Math.floor(Math.random()*60) - 30; add(Number((Math.random()*10).toFixed(Math.floor(Math.random()*17))) * 10 ** e); }
for (const e of [-7,-6,-5,20,21,22]) for (const m of [1, 1.5, 9.999999999999999, 123456789]) { add(m*10**e); add(-m*10**e); }
for (const v of [2**53, 2**53+2, 2**63, 2**64, 0.1, 0.2, 0.1+0.2, 1/3, 100, 1e21-65536, 5e-7, 4.35, 0.000001, 1e-7]) add(v);
console.log("# Generated with Node.js " + process.version + " (V8 Number.prototype.toString): hex-ieee754,expected");
console.log(out.join('\n'));
