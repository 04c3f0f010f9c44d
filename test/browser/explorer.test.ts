import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, gradplot, tempDir } from '../helpers.js';

// Debian's Chromium, started as the machine's notes say: no sandbox as root, no background traffic.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Arrow { x0: number; x1: number; f: number; g0: number; g1: number }
interface PathPoint { path: number; step: number; x0: number; x1: number }

// The page's live chart: its arrows (the top-level data) and its path points, read from the Vega view.
async function chartData(tab: Page): Promise<{ arrows: Arrow[]; paths: PathPoint[] }> {
  return tab.evaluate(() => {
    const { view } = (window as unknown as { gradplotExplorer: { view: import('vega').View } }).gradplotExplorer;
    const { data } = view.getState({ data: () => true, signals: () => false, recurse: true }) as { data: Record<string, Record<string, unknown>[]> };
    const sets = Object.values(data).filter(Array.isArray);
    const strip = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('Symbol'))));
    return {
      arrows: strip(view.data('source_0')) as unknown as Arrow[],
      paths: strip(sets.find((rows) => rows.length && 'optimizer' in rows[0] && 'step' in rows[0]) ?? []) as unknown as PathPoint[],
    };
  });
}

// Same keys, and numbers within `tolerance` relative to the larger of 1 and the expected value.
function expectClose(actual: unknown, expected: unknown, tolerance: number): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tolerance);
  } else {
    expect(actual).toEqual(expected);
  }
}

// Waits for the chart drawn after an action: the page counts its draws.
async function redrawn(tab: Page, action: () => Promise<void>): Promise<void> {
  const before = Number(await tab.getAttribute('body', 'data-draws'));
  await action();
  await tab.waitForFunction((n) => Number(document.body.dataset.draws) > n, before, { timeout: 10_000 });
}

describe('the explorer page in a real browser', () => {
  let browser: Browser;
  let dir: string;
  let tab: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = tempDir();
    expect(gradplot(['explore', '-o', 'explorer.html'], { cwd: dir }).status).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(`file://${join(dir, 'explorer.html')}`);
    await tab.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file under 3 MB that allows no request', () => {
    const file = join(dir, 'explorer.html');
    const html = readFileSync(file, 'utf8');
    expect(statSync(file).size).toBeLessThan(3_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('labels every control, in the order of the form', async () => {
    const unlabelled = await tab.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((c) => !((c as HTMLInputElement).labels?.length || c.textContent?.trim() || c.getAttribute('aria-label')))
        .map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    // Tab goes from the function menu to the expression box.
    await tab.focus('#fn');
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('expr');
  });

  it('redraws as sin(x0*x1) is typed, with the command line\'s gradient', async () => {
    const before = (await chartData(tab)).arrows;
    await redrawn(tab, () => tab.fill('#expr', 'sin(x0*x1)'));
    const { arrows } = await chartData(tab);
    expect(gradplot(['--expr', 'sin(x0*x1)', '-o', 'sin.json'], { cwd: dir }).status).toBe(0);
    const points = JSON.parse(readFileSync(join(dir, 'sin.json'), 'utf8')).points as Arrow[];
    expect(arrows).toHaveLength(points.length);
    arrows.forEach((a, i) => {
      expect([a.x0, a.x1]).toEqual([points[i].x0, points[i].x1]);
      expect(Math.abs(a.g0 - points[i].g0)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(a.g1 - points[i].g1)).toBeLessThanOrEqual(1e-12);
    });
    expect(arrows.map((a) => a.g0)).not.toEqual(before.map((a) => a.g0));
    expect(await tab.inputValue('#fn')).toBe('');
  });

  it('starts a descent path where the chart is clicked, the same path as --descent, and a second click adds another', async () => {
    const box = (await tab.locator('#chart svg').boundingBox())!;
    const [ox, oy, sx, sy] = await tab.evaluate(() => {
      const { view } = (window as unknown as { gradplotExplorer: { view: import('vega').View } }).gradplotExplorer;
      const [x, y] = view.origin();
      return [x, y, view.scale('x')(1) as number, view.scale('y')(1.5) as number];
    });
    await redrawn(tab, () => tab.mouse.click(box.x + ox + sx, box.y + oy + sy));
    const start = (await tab.inputValue('#start')).split(',').map(Number);
    // Within a pixel (about 0.01 here) of the point clicked.
    expect(Math.abs(start[0] - 1)).toBeLessThan(0.01);
    expect(Math.abs(start[1] - 1.5)).toBeLessThan(0.01);

    const cli = gradplot(['--expr', 'sin(x0*x1)', '--descent', 'sgd:0.1', '--start', start.join(','), '-o', 'path.json'], { cwd: dir });
    expect(cli.status).toBe(0);
    const [expected] = JSON.parse(readFileSync(join(dir, 'path.json'), 'utf8')).paths as { points: [number, number][] }[];
    const { paths } = await chartData(tab);
    // To 1e-12, as the gradient: Chromium's Math.sin may differ from Node.js's in the last bit (sin(2.5) does).
    expect(paths).toHaveLength(expected.points.length);
    paths.forEach((p, k) => {
      expect(Math.abs(p.x0 - expected.points[k][0])).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(p.x1 - expected.points[k][1])).toBeLessThanOrEqual(1e-12);
    });

    await redrawn(tab, () => tab.mouse.click(box.x + ox + sx - 60, box.y + oy + sy + 40));
    const after = await chartData(tab);
    expect(new Set(after.paths.map((p) => p.path))).toEqual(new Set([1, 2]));
    expect((await tab.inputValue('#start')).split(';')).toHaveLength(2);
    // The new start plays to the last iteration.
    await tab.waitForFunction(() => (document.getElementById('shown') as HTMLInputElement).value === '30', undefined, { timeout: 10_000 });
  });

  it('moves the paths along with the slider, Step and Play, from the keyboard', async () => {
    const shown = () => tab.evaluate(() => (window as unknown as { gradplotExplorer: { view: import('vega').View } }).gradplotExplorer.view.signal('shown') as number);
    // The paths' dots: 2 paths, each drawn up to the iteration shown.
    const dots = () => tab.locator('#chart g[class*="_layer_1_marks"] path').count();
    await tab.focus('#shown');
    await tab.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await tab.keyboard.press('ArrowRight');
    expect(await tab.inputValue('#shown')).toBe('5');
    await expect.poll(shown).toBe(5);
    await expect.poll(dots).toBe(2 * 6);
    await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Shift+Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('next');
    await tab.keyboard.press('Enter');
    await expect.poll(shown).toBe(6);
    await tab.click('#play');
    expect(await tab.getAttribute('#play', 'aria-pressed')).toBe('true');
    await tab.waitForFunction(() => document.getElementById('play')!.getAttribute('aria-pressed') === 'false', undefined, { timeout: 10_000 });
    expect(await shown()).toBe(30);
    await expect.poll(dots).toBe(2 * 31);
  });

  it('shows the command line\'s error for a hostile expression, runs none of it, and keeps the last chart', async () => {
    const hostile = `constructor.constructor("document.title='pwned'")()`;
    const before = await chartData(tab);
    await tab.fill('#expr', hostile);
    await tab.waitForFunction(() => document.getElementById('error')!.textContent !== '', undefined, { timeout: 10_000 });
    const cli = gradplot(['--expr', hostile, '-o', 'bad.png'], { cwd: dir });
    expect(cli.status).toBe(2);
    expect(existsSync(join(dir, 'bad.png'))).toBe(false);
    const shown = await tab.textContent('#error');
    expect(shown!.split('\n')[0]).toBe(cli.stderr.split('\n')[0]);
    expect(await tab.title()).toBe('gradplot explorer');
    expect(await tab.getAttribute('#expr', 'aria-invalid')).toBe('true');
    expect(await chartData(tab)).toEqual(before);
  });

  it('shows a command line that draws the same chart', async () => {
    const command = await tab.inputValue('#command');
    expect(command).toMatch(/^gradplot --expr 'sin\(x0\*x1\)' --descent sgd:0\.1 --start \S+ --start \S+ -o f\.png$/);
    // The command as npm installs it: `gradplot` on PATH.
    const bin = mkdtempSync(join(tmpdir(), 'gradplot-bin-'));
    symlinkSync(BIN, join(bin, 'gradplot'));
    const path = `${bin}:${process.env.PATH}`;
    const run = (line: string) => spawnSync('sh', ['-c', line], { cwd: dir, env: { ...process.env, PATH: path } });
    expect(run(command).status).toBe(0);
    expect(existsSync(join(dir, 'f.png'))).toBe(true);
    expect(run(`${command} -o f.vl.json`).status).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'f.vl.json'), 'utf8'));
    const { arrows, paths } = await chartData(tab);
    const pathLayer = spec.layer.find((l: { data?: { values?: { optimizer?: string }[] } }) => l.data?.values?.[0]?.optimizer);
    // Close to 1e-9 (sin's last bit, see above, carried through the arrows' layout); himmelblau below is exact.
    expectClose(arrows, spec.data.values, 1e-9);
    expectClose(paths, pathLayer.data.values, 1e-9);
  });

  it('keeps its state in the URL fragment: the link opens the same view', async () => {
    const [url, command] = [tab.url(), await tab.inputValue('#command')];
    expect(url).toContain('#');
    const other = await browser.newPage();
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await other.inputValue('#command')).toBe(command);
    expect(await chartData(other)).toEqual(await chartData(tab));
    await other.close();
  });

  it('starts from a chart\'s options with --format explorer, theme included, and toggles the theme', async () => {
    const args = ['--fn', 'himmelblau', '--background', 'contour', '--theme', 'dark', '--key', '--format', 'explorer', '-o', 'h.html'];
    expect(gradplot(args, { cwd: dir }).status).toBe(0);
    const other = await browser.newPage();
    await other.goto(`file://${join(dir, 'h.html')}`);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await other.inputValue('#command')).toBe('gradplot --fn himmelblau --key --background contour --theme dark -o f.png');
    expect(await other.getAttribute('body', 'class')).toBe('dark');
    expect(gradplot([...args.slice(0, -4), '-o', 'h.vl.json'], { cwd: dir }).status).toBe(0);
    // A polynomial: f and ∇f are the same to the last bit; the layout goes through atan2 (last bits may differ).
    const [page, cli] = [(await chartData(other)).arrows, JSON.parse(readFileSync(join(dir, 'h.vl.json'), 'utf8')).data.values as Arrow[]];
    const exact = (rows: Arrow[]) => rows.map(({ x0, x1, f, g0, g1 }) => [x0, x1, f, g0, g1]);
    expect(exact(page)).toEqual(exact(cli));
    expectClose(page, cli, 1e-9);
    await redrawn(other, () => other.click('#theme'));
    expect(await other.getAttribute('body', 'class')).toBe('light');
    expect(await other.inputValue('#command')).toBe('gradplot --fn himmelblau --key --background contour -o f.png');
    await other.close();
  });

  it('draws streamlines when the overlay is checked, the same lines as --streamlines', async () => {
    const own = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    own.on('pageerror', (e) => problems.push(e.message));
    await own.goto(`file://${join(dir, 'explorer.html')}#fn=himmelblau`);
    await own.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    await redrawn(own, () => own.check('#streamlines'));
    const lines = await own.evaluate(() => {
      const drawn = (window as unknown as { gradplotExplorer: { plot: { quiver?: { streamlines?: { points: { data: Float64Array } }[] } } } }).gradplotExplorer.plot.quiver?.streamlines ?? [];
      return drawn.map((l) => Array.from(l.points.data));
    });
    expect(await own.inputValue('#command')).toMatch(/^gradplot --fn himmelblau --streamlines -o f\.png$/);
    expect(gradplot(['--fn', 'himmelblau', '--streamlines', '-o', 'lines.json'], { cwd: dir }).status).toBe(0);
    const expected = (JSON.parse(readFileSync(join(dir, 'lines.json'), 'utf8')).streamlines as { points: number[][] }[]).map((l) => l.points.flat());
    expect(lines.length).toBeGreaterThan(10);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => expectClose(line, expected[i], 1e-9));
    await own.close();
  });

  it('made no request and logged no error', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
