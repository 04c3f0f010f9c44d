#!/usr/bin/env node
// Takes the README's screenshot of the explorer page, docs/explorer.png, in headless Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium). Needs the build (npm run build).
//
//   node scripts/explorer-screenshot.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The view: Himmelblau's function with its contours and critical points, two optimizers from two starts.
const VIEW = 'fn=himmelblau&background=contour&critical=&descent=sgd:0.01,momentum:0.01&start=-0.5,-4&start=0.5,4.2&iterations=40';

const dir = mkdtempSync(join(tmpdir(), 'gradplot-explorer-'));
const page = join(dir, 'explorer.html');
const made = spawnSync(join(ROOT, 'bin', 'gradplot.js'), ['explore', '-o', page], { encoding: 'utf8' });
if (made.status !== 0) throw new Error(made.stderr);
const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, headless: true });
try {
  const tab = await browser.newPage({ viewport: { width: 1180, height: 900 } });
  await tab.goto(`file://${page}#${VIEW}`);
  await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  await tab.screenshot({ path: join(ROOT, 'docs', 'explorer.png') });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
