#!/usr/bin/env node
// Measures the search of a built site: the size of each locale's index (raw and gzipped) and the
// time of one query in node, over the queries readers type (issue 18). It runs the page's own
// assets/search.js (its search has no DOM dependency) on the index scripts the build wrote.
//
//   node bench/search.mjs public            # a site built by `versus build`
//   node bench/search.mjs public --check    # also fail (exit 1) when a query misses its code
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const site = process.argv[2] || 'public';
const check = process.argv.includes('--check');
const assets = path.join(site, 'assets');

function load(lang) {
  const ctx = { globalThis: {} };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(assets, `search-index.${lang}.js`), 'utf8'), ctx);
  vm.runInContext(fs.readFileSync(path.join(assets, 'search.js'), 'utf8'), ctx);
  return ctx.VersusSearch(ctx.versusSearchIndex);
}

// query → the code that must be in the combined answer or the first three results.
const QUERIES = {
  en: {
    '552 5.2.2 mailbox full': 'smtp 552', '550 5.1.1': 'smtp 550', '421 4.7.0': 'smtp 421',
    '550-5.7.26': 'smtp-enhanced X.7.26', 'SMTP error 552': 'smtp 552', 'difference between 450 and 550': 'smtp 450',
    'user unknown': 'smtp-enhanced X.1.1', 'relay access denied': 'smtp 554', 'greylisting': 'smtp 450',
    'DMARC': 'smtp-enhanced X.7.26', 'spam': 'smtp 554', 'smtp; 550 5.1.1': 'smtp-enhanced X.1.1',
    '#5.1.1': 'smtp-enhanced X.1.1', '5.7.1': 'smtp-enhanced X.7.1', '4.2.2': 'smtp-enhanced X.2.2',
    '552-5.2.2': 'smtp-enhanced X.2.2', 'over quota': 'smtp-enhanced X.2.2', 'mailbox full': 'smtp 552',
  },
  ja: {
    '容量': ['smtp 552', 'smtp 452'], '宛先不明': 'smtp-enhanced X.1.1', 'ユーザー不明': 'smtp-enhanced X.1.1',
    'メールボックスがいっぱい': 'smtp 552', '迷惑メール': 'smtp 554', '例：552、メールボックス': 'smtp 552',
    '552 5.2.2': 'smtp 552',
  },
};

let misses = 0;
const report = [];
for (const lang of ['en', 'ja']) {
  const file = path.join(assets, `search-index.${lang}.js`);
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const s = load(lang);
  const queries = Object.keys(QUERIES[lang]);
  // Also every example reply text of the index: what readers paste.
  for (const e of s.entries) for (const x of e.code.x || []) if (!(x in QUERIES[lang])) {
    QUERIES[lang][x] = e.key; queries.push(x);
  }
  for (const q of queries) {
    const r = s.search(q);
    const top = [...(r.answer ? r.answer.codes.map((e) => e.key) : []), ...r.results.slice(0, 3).map((e) => e.key)];
    const want = QUERIES[lang][q];
    const ok = [].concat(want).some((w) => top.includes(w));
    if (!ok) misses++;
    if (!ok || process.argv.includes('--verbose')) {
      console.log(`${ok ? 'ok  ' : 'MISS'} ${lang} ${JSON.stringify(q)} → ${top.join(', ') || '(nothing)'}${ok ? '' : ` (want ${want})`}`);
    }
  }
  // Time: every query many times over, after a warm-up, as the median per query.
  for (let i = 0; i < 200; i++) for (const q of queries) s.search(q);
  // Wall time, and CPU time (user + system), which other load on the machine does not inflate.
  const times = [], cpu = [];
  for (let round = 0; round < 15; round++) {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    for (let i = 0; i < 20; i++) for (const q of queries) s.search(q);
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6 / (20 * queries.length));
    cpu.push((c.user + c.system) / 1e3 / (20 * queries.length));
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // The slowest single query, cold (a fresh searcher per call does not count: it is built once per page).
  let worst = 0;
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    s.search(q);
    worst = Math.max(worst, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  report.push(`| ${lang} | ${s.entries.length} | ${(raw.length / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB | ${times[7].toFixed(3)} ms | ${cpu[7].toFixed(3)} ms | ${worst.toFixed(3)} ms | ${queries.length} |`);
}
console.log('| locale | codes | index | gzipped | median query (wall) | median query (CPU) | slowest query (wall) | queries |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
report.forEach((l) => console.log(l));
console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
if (misses) console.log(`${misses} queries missed their code`);
if (check && misses) process.exit(1);
