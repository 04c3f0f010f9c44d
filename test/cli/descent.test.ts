import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { LIMITS } from '../../src/util/limits.js';
import { gradplot, ROOT, tempDir } from '../helpers.js';

/** Runs the command line in this process (bad input stops before any work), in `dir`; resolves to the status and stderr. */
async function inProcess(args: string[], dir: string): Promise<{ status: number; stderr: string }> {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  const [cwd, listeners] = [process.cwd(), process.stdout.listeners('error')];
  process.chdir(dir);
  try {
    return { status: await main(['node', 'gradplot', ...args]), stderr: written.join('') };
  } finally {
    process.chdir(cwd);
    // main() listens for a reader that goes away, once per run: a process runs it once.
    for (const l of process.stdout.listeners('error')) if (!listeners.includes(l)) process.stdout.off('error', l as () => void);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'descent', name), 'utf8'));

describe('gradplot --descent', () => {
  it("draws the book's ch04 path as data: .json paths and --paths-out CSV, to 1e-9 of the book", () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'function_2', '--descent', 'sgd:0.1', '--start', '-3,4', '--iterations', '20', '-o', 'ch04.json', '--paths-out', 'ch04.csv'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'ch04.json'), 'utf8'));
    expect(doc.paths).toHaveLength(1);
    const [path] = doc.paths;
    expect(path).toMatchObject({ optimizer: 'sgd', lr: 0.1, params: {}, start: [-3, 4], stopped: null });
    expect(path.points).toHaveLength(21);
    const book: number[][] = fixture('ch04_gradient_method.json').points;
    book.forEach(([x0, x1], k) => {
      expect(Math.abs(path.points[k][0] - x0)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(path.points[k][1] - x1)).toBeLessThanOrEqual(1e-9);
    });
    expect(path.f[0]).toBe(25);
    // The default range grew by whole steps to hold the start (−3, 4): same step, grid from -3 and up to 4.
    expect(doc.request).toMatchObject({ xrange: [-3, 2], yrange: [-2, 4], step: 0.25, nx: 21, ny: 25 });
    expect(doc.points).toHaveLength(21 * 25);

    const csv = readFileSync(join(dir, 'ch04.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('path,optimizer,lr,step,x0,x1,f,g0,g1');
    expect(csv).toHaveLength(22);
    expect(csv[1]).toBe(`1,sgd,0.1,0,-3,4,25,${path.gradient[0][0]},${path.gradient[0][1]}`);
    // Numbers read back to the same float64 as the JSON.
    const last = csv[21].split(',');
    expect(last.slice(0, 4)).toEqual(['1', 'sgd', '0.1', '20']);
    expect(last.slice(4).map(Number)).toEqual([...path.points[20], path.f[20], ...path.gradient[20]]);
  });

  it('walks every optimizer from every --start (repeated), numbered in the CSV by start, then optimizer', () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'ch06', '--method', 'analytic', '--descent', 'sgd:0.95,adam:0.3', '--start', '-7,2', '--start', '5,-3', '--iterations', '3', '-o', 'p.json', '--paths-out', 'p.csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const { paths } = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(paths.map((p: { optimizer: string; start: number[] }) => [p.optimizer, p.start])).toEqual([
      ['sgd', [-7, 2]],
      ['adam', [-7, 2]],
      ['sgd', [5, -3]],
      ['adam', [5, -3]],
    ]);
    const rows = readFileSync(join(dir, 'p.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',').slice(0, 4).join(','))).toEqual(
      [1, 2, 3, 4].flatMap((n) => [0, 1, 2, 3].map((step) => `${n},${n % 2 ? 'sgd,0.95' : 'adam,0.3'},${step}`)),
    );
  });

  it('notes a path that stops early, says why, and still draws', () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'xy', '--descent', 'sgd:0.5', '--start', '1,-1', '-o', 'xy.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^gradplot: note: path 1 \(SGD lr 0\.5 from \(1, -1\)\) stopped after 7 updates at \(17\.0859, -17\.0859\): its next point leaves the box \[-20, 20\] × \[-20, 20\] \(10× the range around its centre\)\n$/,
    );
    const { paths } = JSON.parse(readFileSync(join(dir, 'xy.json'), 'utf8'));
    expect(paths[0].stopped).toBe('left-box');
    expect(paths[0].points).toHaveLength(8);
  });
});

// Each case: argv and what the one line must say (the option, the value, what is accepted).
const BAD: [string, string[], RegExp][] = [
  ['unknown optimizer, with a suggestion', ['--descent', 'adma:0.3'], /--descent: expected an optimizer of sgd, momentum, nesterov, adagrad, rmsprop, adam; "adma".*did you mean "adam".*got "adma:0.3"/],
  ['lr of 0', ['--descent', 'sgd:0'], /--descent: expected a learning rate greater than 0.*got "sgd:0"/],
  ['lr that is not a number', ['--descent', 'sgd:abc'], /--descent: expected a learning rate greater than 0.*got "sgd:abc"/],
  ['beta1 of 1', ['--descent', 'adam:0.3:beta1=1'], /--descent: expected beta1 in \[0, 1\).*got "adam:0.3:beta1=1"/],
  ['a start that is not finite', ['--descent', 'sgd', '--start', 'Infinity,0'], /--start: expected x0,x1 with finite numbers.*got "Infinity,0"/],
  ['a start of one number', ['--descent', 'sgd', '--start', '3'], /--start: expected x0,x1.*got "3"/],
  ['zero iterations', ['--descent', 'sgd', '--iterations', '0'], /--iterations: expected an integer from 1 to 20,000.*got "0"/],
  ['iterations over the limit', ['--descent', 'sgd', '--iterations', String(LIMITS.pathPoints.max + 1)], /--iterations.*expected an integer from 1 to 20,000/],
  ['starts × optimizers × iterations over the limit', ['--descent', 'sgd,adam', '--iterations', '10001'], /--iterations: 10001 for 1 start\(s\) × 2 optimizer\(s\) makes 20,002 path updates.*the limit is 20,000/],
  ['a start outside the box', ['--descent', 'sgd', '--start', '100,0'], /--start: 100,0 lies outside the box \[-20, 20\] × \[-20, 20\]/],
  ['--start without --descent', ['--start', '1,1'], /--start: draws descent paths and needs --descent/],
  ['paths to a file that is not .csv', ['--descent', 'sgd', '--paths-out', 'p.json'], /--paths-out: expected a file name ending in .csv.*got "p.json"/],
];

describe('bad descent input: exit 2, one line, nothing written', () => {
  for (const [name, args, message] of BAD) {
    it(name, async () => {
      const dir = tempDir();
      const r = await inProcess(['--fn', 'xy', ...args, '-o', 'out.png', ...(args.includes('--paths-out') ? [] : ['--paths-out', 'p.csv'])], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^gradplot: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('the optimizer list in --help and the starts in gradplot list', () => {
    const help = gradplot(['--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--descent <list> descent paths: optimizer[:lr][:key=value…], comma-separated; optimizers sgd, momentum, nesterov, adagrad, rmsprop, adam; keys lr, momentum, decayRate, beta1, beta2');
    for (const flag of ['--start <x0,x1>', '--iterations <n>', '--panels', '--paths-out <file.csv>']) expect(help).toContain(flag);
    const list = gradplot(['list']).stdout.split('\n');
    expect(list[0]).toMatch(/^name\s+f\(x0, x1\)\s+default grid\s+start$/);
    expect(list.find((l) => l.startsWith('sum_sq'))).toMatch(/step 0\.25\s+-3,4\s+the book's function_2/);
    expect(list.find((l) => l.startsWith('ch06'))).toMatch(/step 1\s+-7,2\s+the book's chapter 6/);
  });
});
