// Opens every generated policy page in headless Chromium (Debian's, never a
// downloaded one), takes screenshots at desktop and phone widths, runs axe-core,
// and for hostile pages asserts that nothing from the policy text executes and
// that the hostile text shows literally.
//
// usage: node check-pages.mjs --screenshots DIR [--hostile PAGE.html]... PAGE.html...
// Exit status 1 when any check fails.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// The strings tests/fixtures/html/hostile.* puts into every text field.
const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  '</style><script>alert(4)</script>',
  '{{ 7*7 }}',
  '{% if true %}template{% endif %}',
  '\u202Eright-to-left\u202C',
  'zero\u200Bwidth\u200D',
  '&amp; &lt;b&gt;',
];

function parseArgs(argv) {
  const out = { screenshots: 'screenshots', hostile: [], pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') out.screenshots = argv[++i];
    else if (argv[i] === '--hostile') out.hostile.push(argv[++i]);
    else out.pages.push(argv[i]);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
mkdirSync(args.screenshots, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'policyc-chromium-'));
const failures = [];
const fail = (page, msg) => {
  failures.push(`${page}: ${msg}`);
  console.error(`FAIL ${page}: ${msg}`);
};

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
});

async function checkPage(file, hostile) {
  // Unique per page: pages of different sources may share a file name.
  const name = `${basename(dirname(resolve(file)))}-${basename(file, '.html')}`;
  const url = pathToFileURL(resolve(file)).href;
  const page = await context.newPage();
  const events = [];
  page.on('dialog', async (d) => {
    events.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => events.push(`page error: ${e.message}`));
  // Nothing may be fetched: the page is self-contained.
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('data:')) events.push(`request: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });

  // Hover and focus everything once, so inline handlers would fire if present.
  if (hostile) {
    for (const el of await page.$$('body *')) {
      await el.hover({ force: true, timeout: 200 }).catch(() => {});
    }
  }

  await page.screenshot({ path: join(args.screenshots, `${name}-desktop.png`), fullPage: true });
  await page.screenshot({ path: join(args.screenshots, `${name}-desktop-top.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(args.screenshots, `${name}-phone.png`), fullPage: true });
  await page.screenshot({ path: join(args.screenshots, `${name}-phone-top.png`) });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) fail(file, `page is ${overflow}px wider than a phone screen`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(args.screenshots, `${name}-print.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Accessibility: axe-core, zero serious or critical violations.
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { resultTypes: ['violations'] });
  });
  for (const v of results.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
    const line = `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes: ${where})`;
    if (v.impact === 'serious' || v.impact === 'critical') fail(file, line);
    else console.log(`note ${file}: ${line}`);
  }

  if (events.length) fail(file, `unexpected events: ${events.join('; ')}`);

  if (hostile) {
    const found = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length - 1, // minus axe, added above
      imgs: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
        !/^(https?:|mailto:|tel:|#|\/)/i.test(a.getAttribute('href')),
      ).length,
      text: document.body.innerText,
      styles: document.querySelectorAll('style').length,
    }));
    if (found.scripts !== 0) fail(file, `${found.scripts} <script> element(s) from policy text`);
    if (found.imgs !== 0) fail(file, `${found.imgs} <img> element(s) from policy text`);
    if (found.handlers !== 0) fail(file, `${found.handlers} element(s) with on* handlers`);
    if (found.jsLinks !== 0) fail(file, `${found.jsLinks} link(s) with an unsafe scheme`);
    if (found.styles > 1) fail(file, `${found.styles} <style> elements: policy text broke out`);
    for (const s of HOSTILE_STRINGS) {
      if (!found.text.includes(s)) fail(file, `hostile text not shown literally: ${JSON.stringify(s)}`);
    }
    if (!failures.some((f) => f.startsWith(file))) {
      console.log(`ok ${file}: nothing executed; ${HOSTILE_STRINGS.length} hostile strings shown literally`);
    }
  }
  await page.close();
  console.log(`checked ${file}: ${results.violations.length} axe violation(s) in total`);
}

try {
  for (const file of args.pages) await checkPage(file, false);
  for (const file of args.hostile) await checkPage(file, true);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log(`browser checks passed: ${args.pages.length + args.hostile.length} page(s)`);
