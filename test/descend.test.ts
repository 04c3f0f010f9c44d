import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descend, gradientField, InputError } from '../src/index.js';
import { ROOT } from './helpers.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'descent', name), 'utf8'));
const close = (actual: [number, number][], expected: number[][]) =>
  expected.forEach(([x0, x1], k) => {
    expect(Math.abs(actual[k][0] - x0), `x0 of point ${k}`).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(actual[k][1] - x1), `x1 of point ${k}`).toBeLessThanOrEqual(1e-9);
  });

describe('descend (the library)', () => {
  const adam = fixture('ch06_optimizer_compare.json').paths.find((p: { optimizer: string }) => p.optimizer === 'adam');
  const ch04 = fixture('ch04_gradient_method.json').points;

  it("follows a built-in by name: the book's Adam on ch06", async () => {
    const path = await descend('ch06', [-7, 2], 'adam:0.3', { method: 'analytic', iterations: 29 });
    expect(path).toMatchObject({ optimizer: 'adam', lr: 0.3, params: { beta1: 0.9, beta2: 0.999 }, start: [-7, 2], stopped: null });
    expect(path.points).toHaveLength(30);
    close(path.points, adam.points);
    expect(path.f[0]).toBe(6.45);
    expect(path.gradient[0]).toEqual([-0.7, 4]);
  });

  it('follows an expression (its symbolic gradient with analytic) and a JavaScript function (central differences)', async () => {
    close((await descend('x0^2/20 + x1^2', [-7, 2], { optimizer: 'adam', lr: 0.3 }, { method: 'analytic' })).points, adam.points);
    close((await descend((x0, x1) => x0 * x0 + x1 * x1, [-3, 4], { optimizer: 'sgd', lr: 0.1 }, { iterations: 19 })).points, ch04);
  });

  it('refuses bad input with the command line\'s messages', async () => {
    await expect(descend('xy', [0, 0], 'adma')).rejects.toThrow('descent: expected an optimizer of sgd, momentum, nesterov, adagrad, rmsprop, adam; "adma" is not one (did you mean "adam"?), got "adma"');
    await expect(descend('xy', [Number.NaN, 0], 'sgd')).rejects.toThrow(/^start: expected x0,x1 with finite numbers/);
    await expect(descend('xy', [0, 0], 'sgd', { iterations: 0 })).rejects.toThrow(/^iterations: expected an integer from 1/);
    await expect(descend('xy', [50, 0], 'sgd')).rejects.toThrow(/^start: 50,0 lies outside the box \[-20, 20\]/);
    await expect(descend((x0) => x0, [0, 0], 'sgd', { method: 'analytic' })).rejects.toThrow(/^method: needs an exact gradient/);
    await expect(descend('x0 +* 1', [0, 0], 'sgd')).rejects.toThrow(/^expr: /);
  });

  it('stops a path that leaves the box of the range, and says so', async () => {
    const path = await descend('xy', [1, -1], 'sgd:0.5', { range: [-2, 2] });
    expect(path.stopped).toBe('left-box');
    expect(path.points).toHaveLength(8);
  });

  it('gradientField returns the paths of its descent option', async () => {
    const { paths } = await gradientField({ fn: 'function_2', descent: [{ optimizer: 'sgd', lr: 0.1, params: {} }], start: [[-3, 4]], iterations: 19 });
    expect(paths).toHaveLength(1);
    close(paths![0].points, ch04);
  });
});
