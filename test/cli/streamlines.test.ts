import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseOptions, type PlotOptions } from '../../src/options.js';
import { resolveRequest } from '../../src/request.js';
import { gradplot, tempDir } from '../helpers.js';

// Raw values as commander hands them over (strings; repeated --stream-start collected in a list).
function parsed(raw: Record<string, unknown>): PlotOptions {
  const { options, errors } = parseOptions(raw);
  expect(errors).toEqual([]);
  return options;
}

function parseError(key: string, value: unknown): string {
  const { errors } = parseOptions({ [key]: value });
  expect(errors, `${key}: ${JSON.stringify(value)}`).toHaveLength(1);
  return errors[0].detail;
}

function resolveError(options: Record<string, unknown>): string {
  try {
    resolveRequest({ fn: 'xy', ...options } as PlotOptions, 'cli');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe('streamline options', () => {
  it('read from argv strings or manifest values into typed options', () => {
    expect(parsed({ streamlines: true, arrows: true, density: '20', streamStart: ['0,1', '-1.5, 2'], maxLength: '2.5', streamWidth: 'magnitude' })).toEqual({
      streamlines: true,
      arrows: true,
      density: 20,
      streamStart: [[0, 1], [-1.5, 2]],
      maxLength: 2.5,
      streamWidth: 'magnitude',
    });
    expect(parsed({ streamStart: [[0, 1], [1, 1]], streamWidth: 2 })).toEqual({ streamStart: [[0, 1], [1, 1]], streamWidth: 2 });
    expect(parsed({ streamStart: [0.5, 1] })).toEqual({ streamStart: [[0.5, 1]] });
    expect(parsed({ streamStart: '0.5,1' })).toEqual({ streamStart: [[0.5, 1]] });
  });

  it('refuse bad values, saying what is accepted', () => {
    for (const v of ['0', '-1', '101', 'a', '']) expect(parseError('density', v)).toMatch(/^expected a number greater than 0 and at most 100, got /);
    for (const v of ['0', '-1', 'x']) expect(parseError('maxLength', v)).toMatch(/^expected a number greater than 0, got /);
    for (const v of ['1', '1,2,3', 'a,b', [1, 2, 3], [['a', 1]]]) expect(parseError('streamStart', v)).toMatch(/^expected a point x0,x1 \(e\.g\. 0\.5,-1\), got /);
    expect(parseError('streamStart', [])).toMatch(/^expected from 1 to 1000 points x0,x1/);
    expect(parseError('streamStart', Array(1001).fill('0,0'))).toMatch(/^expected from 1 to 1000 points x0,x1/);
    for (const v of ['0', '-2', 'wide']) expect(parseError('streamWidth', v)).toMatch(/^expected a width in pixels greater than 0, or magnitude, got /);
  });

  it('resolve to streamlines alone, or with arrows; --arrows alone is the default chart', () => {
    const alone = resolveRequest({ fn: 'xy', streamlines: true });
    expect(alone.streamlines).toEqual({ density: 16, starts: undefined, maxLength: undefined, width: 1.2 });
    expect(alone.arrows).toBe(false);
    expect(resolveRequest({ fn: 'xy', streamlines: true, arrows: true }).arrows).toBe(true);
    expect(resolveRequest({ fn: 'xy', arrows: true })).toEqual(resolveRequest({ fn: 'xy' }));
    expect(resolveRequest({ fn: 'xy' }).arrows).toBe(true);
    expect(resolveRequest({ fn: 'xy' }).streamlines).toBeUndefined();
    const given = resolveRequest({ fn: 'xy', streamlines: true, density: 30, streamStart: [[2, -2]], maxLength: 1, streamWidth: 'magnitude' });
    expect(given.streamlines).toEqual({ density: 30, starts: [[2, -2]], maxLength: 1, width: 'magnitude' });
  });

  it('refuse what does not fit, naming the option as the command line spells it', () => {
    expect(resolveError({ density: 20 })).toBe('--density: sets how streamlines are drawn; add --streamlines');
    expect(resolveError({ streamStart: [[0, 0]] })).toBe('--stream-start: sets how streamlines are drawn; add --streamlines');
    expect(resolveError({ maxLength: 1 })).toBe('--max-length: sets how streamlines are drawn; add --streamlines');
    expect(resolveError({ arrows: false })).toBe('--arrows: false leaves nothing to draw; add --streamlines');
    expect(resolveError({ streamlines: true, key: true })).toBe('--key: is a length key for arrows; add --arrows to draw them with the streamlines');
    expect(resolveError({ streamlines: true, streamStart: [[0, 0], [2.5, 0]] })).toBe(
      '--stream-start: 2.5,0 lies outside the plot; expected a point with x0 in [-2, 2] and x1 in [-2, 2]',
    );
  });
});

describe('gradplot --streamlines', () => {
  const BAD: [string[], RegExp][] = [
    [['--density', '0'], /^gradplot: --density: expected a number greater than 0 and at most 100, got "0"$/],
    [['--max-length', '-1'], /^gradplot: --max-length: expected a number greater than 0, got "-1"$/],
    [['--stream-start', '3,0'], /^gradplot: --stream-start: 3,0 lies outside the plot; expected a point with x0 in \[-2, 2\] and x1 in \[-2, 2\]$/],
    [['--stream-start', '0,0', '--stream-start', 'x'], /^gradplot: --stream-start: expected a point x0,x1 \(e\.g\. 0\.5,-1\), got \["0,0","x"\]$/],
  ];
  for (const [args, message] of BAD) {
    it(`bad input ${args.join(' ')}: exit 2, one line, nothing written`, () => {
      const dir = tempDir();
      const r = gradplot(['--fn', 'xy', '--streamlines', ...args, '-o', 'out.svg'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('writes the lines through repeated seeds to .json, with the request and the field', () => {
    const dir = tempDir();
    const r = gradplot(['--fn', 'xy', '--streamlines', '--stream-start', '0.5,1', '--stream-start', '-1,-1.5', '--max-length', '3', '-o', 'lines.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'lines.json'), 'utf8'));
    expect(json.request.streamlines).toEqual({ density: 16, starts: [[0.5, 1], [-1, -1.5]], maxLength: 3, width: 1.2 });
    expect(json.points).toHaveLength(17 * 17);
    expect(json.streamlines).toHaveLength(2);
    for (const [i, line] of (json.streamlines as { points: number[][]; magnitude: number[] }[]).entries()) {
      expect(line.magnitude).toHaveLength(line.points.length);
      const seed = [[0.5, 1], [-1, -1.5]][i];
      const c = seed[0] ** 2 - seed[1] ** 2;
      // Hyperbolas of x0·x1, through their seeds, at most 3 long.
      for (const [x0, x1] of line.points) expect(Math.abs(x0 ** 2 - x1 ** 2 - c)).toBeLessThan(1e-3 * (x0 ** 2 + x1 ** 2));
      expect(Math.min(...line.points.map(([x0, x1]) => Math.hypot(x0 - seed[0], x1 - seed[1])))).toBeLessThan(1e-12);
    }
  });

  it('writes the same SVG bytes twice, and an HTML page', () => {
    const dir = tempDir();
    const args = ['--fn', 'himmelblau', '--streamlines', '--arrows', '--color', 'magnitude', '--background', 'contour', '--critical'];
    const [a, b] = ['a.svg', 'b.svg'].map((out) => {
      expect(gradplot([...args, '-o', out], { cwd: dir }).status).toBe(0);
      return readFileSync(join(dir, out));
    });
    expect(a.equals(b)).toBe(true);
    expect(gradplot([...args, '-o', 'c.html'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toContain('arrows and streamlines: −∇f (descent)');
  });
});
