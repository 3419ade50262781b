// Measures every generated policy page in headless Chromium (Debian's) at a
// desktop width (1280 px) and a phone width (390 px):
//   - the page height (reported; `--max-height-ratio` against `--baseline` fails when exceeded);
//   - no element wider than the viewport, and nothing scrolling sideways;
//   - no text block narrower than 10 characters per line;
//   - the privacy label fully visible (every cell inside the viewport's width).
// Screenshots of the top of each page at both widths go to --screenshots DIR.
//
// usage: node measure-pages.mjs [--screenshots DIR] [--json FILE]
//          [--baseline FILE --max-height-ratio R] PAGE.html...
// The JSON written by --json maps "folder/page.html" to { desktop, phone } heights; it
// is the format --baseline reads. Exit status 1 when any check fails.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDTHS = { desktop: 1280, phone: 390 };

function parseArgs(argv) {
  const out = { screenshots: null, json: null, baseline: null, ratio: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') out.screenshots = argv[++i];
    else if (a === '--json') out.json = argv[++i];
    else if (a === '--baseline') out.baseline = argv[++i];
    else if (a === '--max-height-ratio') out.ratio = Number(argv[++i]);
    else out.pages.push(a);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.screenshots) mkdirSync(args.screenshots, { recursive: true });
const baseline = args.baseline ? JSON.parse(readFileSync(args.baseline, 'utf8')) : null;
const userDataDir = mkdtempSync(join(tmpdir(), 'policyc-measure-'));
const failures = [];
const fail = (page, msg) => {
  failures.push(`${page}: ${msg}`);
  console.error(`FAIL ${page}: ${msg}`);
};

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: WIDTHS.desktop, height: 900 },
});

// Runs in the page: the layout findings at the current width.
function layoutFindings() {
  const vw = document.documentElement.clientWidth;
  const out = { height: document.documentElement.scrollHeight, wide: [], scrolls: [], narrow: [], label: [] };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    else if (el.classList.length) s += `.${[...el.classList].join('.')}`;
    const text = (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return text ? `${s} "${text}"` : s;
  };
  const visible = (el) => {
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el)) continue;
    // Inside a closed <details>, nothing is laid out.
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 || r.left < -1) out.wide.push(`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
    const st = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1 && /(auto|scroll)/.test(st.overflowX)) {
      out.scrolls.push(`${describe(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    // Text blocks: elements with text of their own.
    const ownText = [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent)
      .join('')
      .trim();
    if (ownText.length === 0 || st.display.startsWith('inline')) continue;
    canvas.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
    const tenChars = canvas.measureText('abcdefghij').width;
    const need = Math.min(tenChars, canvas.measureText(ownText).width);
    const padding = parseFloat(st.paddingLeft) + parseFloat(st.paddingRight);
    const width = el.clientWidth - padding;
    if (width + 1 < need) out.narrow.push(`${describe(el)} is ${Math.round(width)}px wide, needs ${Math.round(need)}px for 10 characters`);
  }
  const label = document.querySelector('#label');
  if (label) {
    for (const el of [label, ...label.querySelectorAll('*')]) {
      if (!visible(el)) continue;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY' && el.tagName !== 'DETAILS') continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) out.label.push(`${describe(el)} is off screen`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        out.label.push(`${describe(el)} hides ${el.scrollWidth - el.clientWidth}px sideways`);
      }
    }
  }
  return out;
}

const key = (file) => `${basename(dirname(resolve(file)))}/${basename(file)}`;
const heights = {};

for (const file of args.pages) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  const row = {};
  for (const [which, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: which === 'phone' ? 844 : 900 });
    const f = await page.evaluate(layoutFindings);
    row[which] = f.height;
    const limit = 8;
    for (const list of [f.wide, f.scrolls, f.narrow, f.label]) {
      for (const m of list.slice(0, limit)) fail(file, `${width}px: ${m}`);
      if (list.length > limit) fail(file, `${width}px: … and ${list.length - limit} more`);
    }
    if (args.screenshots) {
      const name = key(file).replace(/[/.]/g, '-');
      await page.screenshot({ path: join(args.screenshots, `${name}-${width}.png`) });
    }
  }
  heights[key(file)] = row;
  let note = '';
  if (baseline && baseline[key(file)]) {
    const before = baseline[key(file)];
    const ratio = row.desktop / before.desktop;
    note = ` (before ${before.desktop} / ${before.phone}; ${Math.round(ratio * 100)}% at 1280 px)`;
    if (args.ratio && ratio > args.ratio) fail(file, `page is ${Math.round(ratio * 100)}% of its former height at 1280 px (at most ${Math.round(args.ratio * 100)}%)`);
  }
  console.log(`${key(file)}: ${row.desktop} px at 1280, ${row.phone} px at 390${note}`);
  await page.close();
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
if (args.json) writeFileSync(args.json, `${JSON.stringify(heights, null, 2)}\n`);
if (failures.length) {
  console.error(`${failures.length} layout check(s) failed`);
  process.exit(1);
}
console.log(`layout checks passed: ${args.pages.length} page(s)`);
