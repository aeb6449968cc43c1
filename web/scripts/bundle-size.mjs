// Reports the gzip size of the JavaScript each public page loads first (the SPA entry with
// everything it imports statically, plus the page's own lazy chunk and its imports), and fails
// when a page exceeds the budget of QUALITY.md (170 KB gzip for public pages).
// Run after `vite build`: node scripts/bundle-size.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET_KB = Number(process.env.INSYN_PUBLIC_JS_BUDGET_KB ?? 170);

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
const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /features\/.+Page\.tsx$/.test(k));

let failed = false;
const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipKb(f), 0);
console.log(`SPA shell: ${sum(base).toFixed(1)} KB gzip (${[...base].join(', ')})`);
for (const page of pages.sort()) {
  const files = closure(page, new Set(base));
  const total = sum(files);
  const over = total > BUDGET_KB;
  failed ||= over;
  console.log(`${over ? 'OVER ' : 'ok   '} ${total.toFixed(1).padStart(6)} KB  ${path.basename(page)}`);
}
if (failed) {
  console.error(`A public page loads more than ${BUDGET_KB} KB gzip of JavaScript.`);
  process.exit(1);
}
