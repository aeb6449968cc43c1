// Reports the gzip size of the JavaScript each page loads first, and fails when a page exceeds the
// budget of QUALITY.md: 170 KB gzip for public pages; 300 KB for the provider app and for the reviewer
// app, each counted as every page the role can open (pages behind the login also load the logged-in
// area's own chunk, features/access/AccessArea).
//
// A public page's first load, counted honestly: the SPA entry with everything it imports
// statically; the page's own lazy chunk and its imports; PublicArea for the public results pages
// (features/public, rendered inside it); every chunk the page's own code loads lazily and renders
// on first view (the unit page's trend chart, the start page's municipality chooser); and the
// Swedish texts it waits for (the namespaces or parts of one named in useNamespace/loadNamespace
// calls of its code, found through the source maps).
// Run after `vite build`: node scripts/bundle-size.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const PUBLIC_KB = Number(process.env.INSYN_PUBLIC_JS_BUDGET_KB ?? 170);
const APP_KB = Number(process.env.INSYN_APP_JS_BUDGET_KB ?? 300);
/** Features whose pages need no login. */
const PUBLIC = /features\/(start|program|indicators|providers|accessibility|not-found|auth|public|conditions|follow-up\/public)\//;

const gz = new Map();
function gzipKb(file) {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024);
  return gz.get(file);
}

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imp of chunk.imports ?? []) closure(imp, seen);
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
const base = closure(entry);
const area = Object.keys(manifest).find((k) => manifest[k].isDynamicEntry && k.endsWith('features/access/AccessArea.tsx'));
const withArea = area ? closure(area, new Set(base)) : new Set(base);
const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /features\/.+Page\.tsx$/.test(k));

let failed = false;
const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipKb(f), 0);
console.log(`SPA shell: ${sum(base).toFixed(1)} KB gzip (${[...base].join(', ')})`);
if (area) console.log(`Logged-in area (shell + AccessArea): ${sum(withArea).toFixed(1)} KB gzip`);

const report = (title, list, start, budget) => {
  console.log(`\n${title} (budget ${budget} KB gzip):`);
  for (const page of list.sort()) {
    const files = closure(page, new Set(start));
    const total = sum(files);
    const over = total > budget;
    failed ||= over;
    console.log(`${over ? 'OVER ' : 'ok   '} ${total.toFixed(1).padStart(6)} KB  ${page.replace(/^.*features\//, '')}`);
  }
};
const publicArea = Object.keys(manifest).find((k) => manifest[k].isDynamicEntry && k.endsWith('features/public/PublicArea.tsx'));

/**
 * The texts (namespaces, or parts of one) that the code of these chunks loads, and the source
 * files the chunks hold, from their source maps.
 */
function sourcesOf(files) {
  const texts = new Set();
  const sources = new Set();
  for (const file of files) {
    const mapFile = path.join(dist, `${file}.map`);
    if (!file.endsWith('.js') || !fs.existsSync(mapFile)) continue;
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
    for (const [i, source] of map.sources.entries()) {
      if (source.includes('node_modules')) continue;
      const absolute = path.resolve(path.dirname(mapFile), source);
      sources.add(path.relative(path.join(dist, '..'), absolute));
      const code = map.sourcesContent?.[i] ?? fs.readFileSync(absolute, 'utf8');
      for (const call of code.matchAll(/\b(?:useNamespace|loadNamespace|useTextsReady)\(([^)]*)\)/g)) {
        for (const name of call[1].matchAll(/'([a-z][a-zA-Z]*(?:\/[a-zA-Z]+)?)'/g)) texts.add(name[1]);
      }
    }
  }
  return { texts, sources };
}

/** A public page's first load: see the top of this file. Returns the files and what was added to the page's own chunks. */
function publicFirstLoad(page) {
  const files = new Set(base);
  if (publicArea && /features\/public\//.test(page)) closure(publicArea, files);
  // "Not found" is the last route of the logged-in area's routes: it loads that chunk (not its pages) first.
  const notExpanded = new Set(base);
  if (area && /features\/not-found\//.test(page)) {
    closure(area, files);
    closure(area, notExpanded);
  }
  closure(page, files);
  const extras = [];
  // Lazy chunks the page's own code renders on first view (never those of the shell: other pages, English).
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of Object.keys(manifest)) {
      const chunk = manifest[key];
      if (notExpanded.has(chunk.file) || !files.has(chunk.file)) continue;
      for (const lazy of chunk.dynamicImports ?? []) {
        if (files.has(manifest[lazy]?.file) || /\.en\.ts$|locales\//.test(lazy)) continue;
        closure(lazy, files);
        extras.push(lazy.replace(/^.*\//, ''));
        grew = true;
      }
    }
  }
  // The Swedish texts it waits for: their own chunk, or already in the page's chunks (pages/*).
  const own = sourcesOf([...files].filter((f) => !notExpanded.has(f)));
  for (const texts of own.texts) {
    const key = `src/app/locales/${texts}.sv.ts`;
    if (manifest[key]) {
      closure(key, files);
      extras.push(`${texts} texts`);
    } else if (!own.sources.has(key)) {
      throw new Error(`${page}: the Swedish texts "${texts}" (${key}) are neither a chunk nor in the page's chunks`);
    }
  }
  return { files, extras };
}

console.log(`\nPublic pages, first load with their texts, PublicArea and what they render lazily on first view (budget ${PUBLIC_KB} KB gzip):`);
for (const page of pages.filter((p) => PUBLIC.test(p)).sort()) {
  const { files, extras } = publicFirstLoad(page);
  const total = sum(files);
  const over = total > PUBLIC_KB;
  failed ||= over;
  const also = [/features\/public\//.test(page) && publicArea ? 'PublicArea' : null, ...extras].filter(Boolean).join(', ');
  console.log(`${over ? 'OVER ' : 'ok   '} ${total.toFixed(1).padStart(6)} KB  ${page.replace(/^.*features\//, '')}${also ? `  (+ ${also})` : ''}`);
}
report('Pages behind the login', pages.filter((p) => !PUBLIC.test(p)), withArea, APP_KB);

// The provider app and the reviewer app (QUALITY.md): everything each role can load, every one of its
// pages visited. A page counts for a role unless it is listed here as out of the role's reach (the
// routes' areas in src/app/access.ts), so a new page counts for both until it is excluded.
const OUT_OF_REACH = {
  PROVIDER: /features\/(admin|audit|tokens|review|last-resort|compensation|follow-up)\/|features\/reporting\/rounds\//,
  REVIEWER: /features\/(admin|audit|tokens)\/|features\/reporting\/MyReportsPage/,
};
const loggedIn = pages.filter((p) => !PUBLIC.test(p));
const appOf = (list) => {
  const all = new Set(withArea);
  for (const page of list) closure(page, all);
  return sum(all);
};
console.log('');
for (const [role, out] of Object.entries(OUT_OF_REACH)) {
  const kb = appOf(loggedIn.filter((p) => !out.test(p)));
  const over = kb > APP_KB;
  failed ||= over;
  console.log(`${over ? 'OVER ' : 'ok   '} ${kb.toFixed(1).padStart(6)} KB  the ${role.toLowerCase()} app, every page it can open loaded (budget ${APP_KB} KB)`);
}
console.log(`       ${appOf(loggedIn).toFixed(1).padStart(6)} KB  every logged-in page, administration included (for information)`);

if (failed) {
  console.error('A page loads more JavaScript than its budget allows.');
  process.exit(1);
}
