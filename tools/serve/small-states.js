// Makes src/Runner/Serving/Page/small-states.json: the centroid (longitude, latitude, degrees, 3 decimals) of every
// member state the page's 1:110m map does not draw, so that the page can draw it as a small circle.
//
// Run once, from the repository's root, with world-atlas 2.0.2's 1:50m file and, for the states that one leaves out
// too (Tuvalu), its 1:10m file (npm pack world-atlas@2.0.2; tar xzf world-atlas-2.0.2.tgz):
//   node tools/serve/small-states.js package/countries-50m.json package/countries-10m.json > src/Runner/Serving/Page/small-states.json
//
// It uses the page's own vendored d3-geo (geoCentroid: the spherical centroid, right across the antimeridian),
// topojson-client, the 1:110m map and the ISO 3166-1 numeric-to-ISO3 table; members.csv names the states.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const vendor = path.join('src', 'Runner', 'Serving', 'Page', 'vendor');
const sandbox = {};
vm.createContext(sandbox);
for (const file of ['d3-array.min.js', 'd3-geo.min.js', 'topojson-client.min.js']) {
  vm.runInContext(fs.readFileSync(path.join(vendor, file), 'utf8'), sandbox, { filename: file });
}
const { d3, topojson } = sandbox;

const maps = process.argv.slice(2);
if (maps.length === 0) {
  console.error('usage: node tools/serve/small-states.js PATH/TO/countries-50m.json [PATH/TO/countries-10m.json]');
  process.exit(2);
}

const iso = JSON.parse(fs.readFileSync(path.join(vendor, 'iso-numeric.json'), 'utf8'));
const drawn = new Set(topojson.feature(JSON.parse(fs.readFileSync(path.join(vendor, 'countries-110m.json'), 'utf8')), 'countries')
  .features.map((f) => iso[f.id]).filter(Boolean));
const membersCsv = fs.readFileSync(path.join('src', 'Scenarios', 'ReferenceData', 'members.csv'), 'utf8').trim().split('\n');
const header = membersCsv[0].split(',');
const codeColumn = header.indexOf('iso3');
const members = new Set(membersCsv.slice(1).map((line) => line.split(',')[codeColumn]));

// The first map that has a state gives its centroid.
const centroids = {};
for (const file of maps) {
  const world = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const feature of topojson.feature(world, world.objects.countries).features) {
    const code = iso[feature.id];
    if (code && members.has(code) && !drawn.has(code) && !(code in centroids)) {
      const [lon, lat] = d3.geoCentroid(feature);
      centroids[code] = [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000];
    }
  }
}

const sorted = Object.fromEntries(Object.keys(centroids).sort().map((k) => [k, centroids[k]]));
const missing = [...members].filter((c) => !drawn.has(c) && !(c in sorted)).sort();
if (missing.length > 0) {
  console.error(`in none of the maps: ${missing.join(', ')}`);
}
process.stdout.write(JSON.stringify(sorted, null, 0).replace(/\],/g, '],\n ') + '\n');
