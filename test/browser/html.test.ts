import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradplot, tempDir } from '../helpers.js';

// Debian's Chromium, started as the machine's notes say: no sandbox as root, no background traffic.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the .html chart in a real browser', () => {
  let browser: Browser;
  let page: string;
  let arrows: { dot: boolean; x0: number; x1: number }[];

  beforeAll(async () => {
    const dir = tempDir();
    expect(gradplot(['--fn', 'xy', '-o', 'xy.html'], { cwd: dir }).status).toBe(0);
    expect(gradplot(['--fn', 'xy', '-o', 'xy.vl.json'], { cwd: dir }).status).toBe(0);
    page = join(dir, 'xy.html');
    arrows = JSON.parse(readFileSync(join(dir, 'xy.vl.json'), 'utf8')).data.values;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no script or stylesheet from elsewhere', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  });

  it('loads offline with no console error or request, draws every arrow, and shows a tooltip on hover', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(`file://${page}`);
    await tab.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

    const drawn = arrows.filter((a) => !a.dot).length;
    expect(await tab.locator('g.layer_0_marks line').count()).toBe(drawn);
    expect(await tab.locator('g.layer_1_marks path').count()).toBe(drawn);
    expect(await tab.locator('g.layer_2_marks path').count()).toBe(arrows.length - drawn);

    // Hover the head of the arrow at (2, 2): the tooltip names its point and gradient.
    const head = tab.locator('g.layer_1_marks path').last();
    await head.hover({ force: true });
    const tooltip = tab.locator('#vg-tooltip-element');
    await expect.poll(async () => (await tooltip.isVisible()) && (await tooltip.innerText()), { timeout: 5000 }).toContain('∂f/∂x0');
    const text = await tooltip.innerText();
    expect(text).toMatch(/x0\s+2/);
    expect(text).toMatch(/x1\s+2/);
    expect(text).toMatch(/\|∇f\|\s+2\.828/);

    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await context.close();
  });
});
