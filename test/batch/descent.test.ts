import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/batch/manifest.js';
import { batch, manifest, problems, withManifest } from './helpers.js';

describe('descent paths in a manifest', () => {
  it('take descent (strings or objects with every hyperparameter), start, iterations, panels and pathsOut (relative to the manifest)', async () => {
    const file = manifest(`
defaults: {iterations: 5}
charts:
  - out: a.png
    fn: ch06
    descent:
      - sgd:0.95
      - { optimizer: adam, lr: 0.3, beta1: 0.8 }
      - { optimizer: rmsprop, decayRate: 0.9 }
      - { optimizer: nesterov, lr: 0.05, momentum: 0.5 }
    start: [[-7, 2], "5,-3"]
    panels: true
    pathsOut: paths/a.csv
  - out: b.png
    fn: function_2
    descent: sgd:0.1
    start: [-3, 4]
    iterations: 20
`);
    const { charts } = await loadManifest(file);
    expect(charts[0].request).toMatchObject({
      descent: [
        { optimizer: 'sgd', lr: 0.95, params: {} },
        { optimizer: 'adam', lr: 0.3, params: { beta1: 0.8, beta2: 0.999 } },
        { optimizer: 'rmsprop', lr: 0.01, params: { decayRate: 0.9 } },
        { optimizer: 'nesterov', lr: 0.05, params: { momentum: 0.5 } },
      ],
      starts: [[-7, 2], [5, -3]],
      iterations: 5,
      panels: true,
      pathsOut: join(dirname(file), 'paths', 'a.csv'),
    });
    expect(charts[1].request).toMatchObject({ starts: [[-3, 4]], iterations: 20, panels: false, pathsOut: undefined });
  });

  it('reports bad values with their place, as the command line words them', async () => {
    expect(
      await problems(`
charts:
  - out: a.png
    fn: ch06
    descent: {optimizer: adam, lr: 0.3, beta1: 1.5}
  - out: b.png
    fn: ch06
    descent: sgd
    start: "1"
  - out: c.png
    fn: ch06
    iterations: 5
`),
    ).toEqual([
      '5: charts[0].descent: expected beta1 in [0, 1), got {"optimizer":"adam","lr":0.3,"beta1":1.5}',
      '9: charts[1].start: expected x0,x1 with finite numbers (e.g. -3,4), got "1"',
      '12: charts[2].iterations: draws descent paths and needs --descent (e.g. --descent sgd:0.1)',
    ]);
  });

  it('gradplot batch writes the chart and its paths CSV', async () => {
    const dir = withManifest([{ out: 'd.svg', fn: 'function_2', descent: 'sgd:0.1', start: '-3,4', iterations: 2, pathsOut: 'd.csv' }]);
    const r = await batch(dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'd.svg'), 'utf8')).toContain('>SGD lr 0.1</text>');
    expect(readFileSync(join(dir, 'd.csv'), 'utf8').split('\n').slice(0, 3)).toEqual(['path,optimizer,lr,step,x0,x1,f,g0,g1', expect.stringMatching(/^1,sgd,0.1,0,-3,4,25,/), expect.stringMatching(/^1,sgd,0.1,1,-2.39999/)]);
  });
});
