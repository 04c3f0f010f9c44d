import { describe, expect, it } from 'vitest';
import { descentPath } from '../../src/core/descent.js';
import { settle } from '../../src/core/optimizers.js';
import type { ScalarFunction } from '../../src/functions/types.js';
import { pathRecord, pathsCsvChunks } from '../../src/output/data.js';

// f = ln x0 + x1²: sgd with lr 1 from (0.5, 0.5) steps to x0 = 0.5 − 2 = −1.5, where f is NaN and the path stops.
const log: ScalarFunction = { dim: 2, f: (x) => Math.log(x[0]) + x[1] * x[1], grad: (x, g) => ((g[0] = 1 / x[0]), (g[1] = 2 * x[1])) };
const path = descentPath(log, [0.5, 0.5], settle({ optimizer: 'sgd', lr: 1 }), { iterations: 3, gradient: { method: 'analytic' }, xrange: [-2, 2], yrange: [-2, 2] });

describe('paths as data', () => {
  it('a record with the optimizer, its hyperparameters, points, f and ∇f; not-finite values are null', () => {
    expect(pathRecord(path)).toEqual({
      optimizer: 'sgd',
      lr: 1,
      params: {},
      start: [0.5, 0.5],
      points: [
        [0.5, 0.5],
        [-1.5, -0.5],
      ],
      f: [Math.log(0.5) + 0.25, null],
      gradient: [
        [2, 1],
        [-1 / 1.5, -1],
      ],
      stopped: 'not-finite',
    });
  });

  it('CSV rows path,optimizer,lr,step,x0,x1,f,g0,g1 with empty cells where a value is not finite', () => {
    const momentum = descentPath(log, [1, 1], settle({ optimizer: 'momentum', lr: 0.1 }), { iterations: 1, gradient: { method: 'analytic' }, xrange: [-2, 2], yrange: [-2, 2] });
    expect([...pathsCsvChunks([path, momentum])].join('')).toBe(
      'path,optimizer,lr,step,x0,x1,f,g0,g1\n' +
        `1,sgd,1,0,0.5,0.5,${Math.log(0.5) + 0.25},2,1\n` +
        `1,sgd,1,1,-1.5,-0.5,,${-1 / 1.5},-1\n` +
        '2,momentum,0.1,0,1,1,1,1,2\n' +
        `2,momentum,0.1,1,0.9,0.8,${Math.log(0.9) + 0.8 * 0.8},${1 / 0.9},1.6\n`,
    );
  });
});
