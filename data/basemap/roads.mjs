// Writes data/basemap/roads-syr.bin: the trunk roads that the project's gazetteer supplement holds as lines
// (rows of kind RD with a `line` column: M4, M5), in the compact layer format of regenerate.mjs (big-endian; int
// magic 0x534D4231, int featureCount, per feature u16 length + UTF-8 name, int partCount, per part int
// pointCount and pointCount pairs of int (lon·1e5, lat·1e5)). No dependencies; run by regenerate.sh, or alone:
//   node data/basemap/roads.mjs data/gazetteer/supplement.csv data/basemap
// The lines are coarse: straight segments between the towns each road links (GeoNames positions).
import fs from 'node:fs';
import path from 'node:path';

const [supplement, outDir] = process.argv.slice(2);
if (!outDir) { console.error('usage: node roads.mjs SUPPLEMENT_CSV OUT_DIR'); process.exit(2); }

function splitCsv(line) {
  const out = []; let cur = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

const lines = fs.readFileSync(supplement, 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'));
const header = splitCsv(lines[0]);
const col = name => header.indexOf(name);
const roads = [];
for (const l of lines.slice(1)) {
  const c = splitCsv(l);
  if (c[col('kind')] !== 'RD' || !c[col('line')]) continue;
  const pts = c[col('line')].split(';').map(p => p.trim().split(/\s+/).map(Number)).map(([lat, lon]) => [lon, lat]);
  roads.push({ name: c[col('name')], parts: [pts] });
}
roads.sort((a, b) => a.name.localeCompare(b.name));
const chunks = [];
const int = v => { const b = Buffer.alloc(4); b.writeInt32BE(v); chunks.push(b); };
int(0x534D4231); int(roads.length);
for (const f of roads) {
  const name = Buffer.from(f.name, 'utf8');
  const len = Buffer.alloc(2); len.writeUInt16BE(name.length); chunks.push(len, name);
  int(f.parts.length);
  for (const part of f.parts) {
    int(part.length);
    for (const [lon, lat] of part) { int(Math.round(lon * 1e5)); int(Math.round(lat * 1e5)); }
  }
}
fs.writeFileSync(path.join(outDir, 'roads-syr.bin'), Buffer.concat(chunks));
console.log(`roads-syr.bin: ${roads.length} roads (${roads.map(r => r.name).join(', ')})`);
