import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { descent, parseOptions, starts } from '../src/options.js';
import { resolveRequest } from '../src/request.js';
import { LIMITS } from '../src/util/limits.js';

const detail = (raw: Record<string, unknown>) => parseOptions(raw).errors[0]?.detail;
const request = (raw: Record<string, unknown>) => {
  const { options, errors } = parseOptions({ out: 'a.png', ...raw });
  expect(errors).toEqual([]);
  return resolveRequest(options);
};
const refusal = (raw: Record<string, unknown>) => {
  try {
    request(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
};

describe('--descent', () => {
  it('reads optimizer[:lr][:key=value…], comma-separated, with the book defaults for what is left out', () => {
    expect(descent('sgd:0.95,momentum:0.1,adagrad:1.5,adam:0.3')).toEqual([
      { optimizer: 'sgd', lr: 0.95, params: {} },
      { optimizer: 'momentum', lr: 0.1, params: { momentum: 0.9 } },
      { optimizer: 'adagrad', lr: 1.5, params: {} },
      { optimizer: 'adam', lr: 0.3, params: { beta1: 0.9, beta2: 0.999 } },
    ]);
    expect(descent('sgd,momentum,nesterov,adagrad,rmsprop,adam')).toEqual([
      { optimizer: 'sgd', lr: 0.01, params: {} },
      { optimizer: 'momentum', lr: 0.01, params: { momentum: 0.9 } },
      { optimizer: 'nesterov', lr: 0.01, params: { momentum: 0.9 } },
      { optimizer: 'adagrad', lr: 0.01, params: {} },
      { optimizer: 'rmsprop', lr: 0.01, params: { decayRate: 0.99 } },
      { optimizer: 'adam', lr: 0.001, params: { beta1: 0.9, beta2: 0.999 } },
    ]);
    expect(descent('adam:0.3:beta1=0.8')).toEqual([{ optimizer: 'adam', lr: 0.3, params: { beta1: 0.8, beta2: 0.999 } }]);
    expect(descent('adam:beta2=0.99:lr=0.2')).toEqual([{ optimizer: 'adam', lr: 0.2, params: { beta1: 0.9, beta2: 0.99 } }]);
    expect(descent('rmsprop:0.1:decayRate=0.9, nesterov:0.05:momentum=0.5')).toEqual([
      { optimizer: 'rmsprop', lr: 0.1, params: { decayRate: 0.9 } },
      { optimizer: 'nesterov', lr: 0.05, params: { momentum: 0.5 } },
    ]);
  });

  it('reads manifest values: one object, a list of objects or strings', () => {
    expect(descent({ optimizer: 'adam', lr: 0.3, beta1: 0.8 })).toEqual([{ optimizer: 'adam', lr: 0.3, params: { beta1: 0.8, beta2: 0.999 } }]);
    expect(descent([{ optimizer: 'sgd', lr: 0.95 }, 'momentum:0.1'])).toEqual([
      { optimizer: 'sgd', lr: 0.95, params: {} },
      { optimizer: 'momentum', lr: 0.1, params: { momentum: 0.9 } },
    ]);
  });

  it('refuses bad values, naming the value and what is accepted', () => {
    expect(detail({ descent: 'adma:0.3' })).toBe(
      'expected an optimizer of sgd, momentum, nesterov, adagrad, rmsprop, adam; "adma" is not one (did you mean "adam"?), got "adma:0.3"',
    );
    expect(detail({ descent: 'sgd:0' })).toBe('expected a learning rate greater than 0, got "sgd:0"');
    expect(detail({ descent: 'sgd:-1' })).toBe('expected a learning rate greater than 0, got "sgd:-1"');
    expect(detail({ descent: 'sgd:fast' })).toBe('expected a learning rate greater than 0, got "sgd:fast"');
    expect(detail({ descent: 'sgd:0.1,momentum:-2' })).toBe('expected a learning rate greater than 0 in "momentum:-2", got "sgd:0.1,momentum:-2"');
    expect(detail({ descent: 'adam:0.3:beta1=1' })).toBe('expected beta1 in [0, 1), got "adam:0.3:beta1=1"');
    expect(detail({ descent: 'adam:0.3:beta2=-0.1' })).toBe('expected beta2 in [0, 1), got "adam:0.3:beta2=-0.1"');
    expect(detail({ descent: 'momentum:0.1:momentum=1.5' })).toMatch(/^expected momentum in \[0, 1\)/);
    expect(detail({ descent: 'rmsprop:0.1:decayRate=x' })).toMatch(/^expected decayRate in \[0, 1\)/);
    expect(detail({ descent: 'adam:0.3:beta=0.8' })).toBe('expected keys of adam: lr, beta1, beta2; "beta" is not one (did you mean "beta1"?), got "adam:0.3:beta=0.8"');
    expect(detail({ descent: 'sgd:0.1:momentum=0.9' })).toMatch(/^expected keys of sgd: lr; "momentum" is not one/);
    expect(detail({ descent: 'sgd:0.1:0.2' })).toMatch(/"0.2" is not key=value/);
    expect(detail({ descent: [] })).toMatch(/^expected optimizer\[:lr\]/);
    expect(detail({ descent: { optimizer: 'adam', beta1: 1 } })).toMatch(/^expected beta1 in \[0, 1\)/);
    expect(detail({ descent: { lr: 0.1 } })).toBe('expected an optimizer of sgd, momentum, nesterov, adagrad, rmsprop, adam; the optimizer is missing, got {"lr":0.1}');
    expect(detail({ descent: [{ optimizer: 'sgd' }, { optimizer: 'adam', beta1: 2 }] })).toBe(
      'expected beta1 in [0, 1) in {"optimizer":"adam","beta1":2}, got [{"optimizer":"sgd"},{"optimizer":"adam","beta1":2}]',
    );
  });
});

describe('--start, --iterations, --paths-out', () => {
  it('reads one start or several (a repeated --start), as text or numbers', () => {
    expect(starts('-3,4')).toEqual([[-3, 4]]);
    expect(starts([-7, 2])).toEqual([[-7, 2]]);
    expect(starts(['-7,2', '1.5, -0.5'])).toEqual([[-7, 2], [1.5, -0.5]]);
    expect(starts([[-7, 2], [1, 1]])).toEqual([[-7, 2], [1, 1]]);
  });

  it('refuses starts that are not two finite numbers', () => {
    expect(detail({ start: '1' })).toBe('expected x0,x1 with finite numbers (e.g. -3,4), got "1"');
    expect(detail({ start: 'Infinity,0' })).toBe('expected x0,x1 with finite numbers (e.g. -3,4), got "Infinity,0"');
    expect(detail({ start: 'NaN,1' })).toMatch(/^expected x0,x1 with finite numbers/);
    expect(detail({ start: ['1,1', '2'] })).toMatch(/^expected x0,x1 with finite numbers \(e.g. -3,4\) for each start; one is "2"/);
  });

  it('refuses iterations that are not a whole number from 1 to the limit', () => {
    const max = LIMITS.pathPoints.max;
    expect(parseOptions({ iterations: String(max) }).options).toEqual({ iterations: max });
    for (const bad of ['0', '-3', '2.5', 'ten', String(max + 1)]) {
      expect(detail({ iterations: bad })).toBe(`expected an integer from 1 to ${max.toLocaleString('en-US')} (the limit on path updates (starts × optimizers × iterations)), got "${bad}"`);
    }
  });

  it('takes a .csv file for --paths-out', () => {
    expect(parseOptions({ pathsOut: 'paths.CSV' }).options).toEqual({ pathsOut: 'paths.CSV' });
    expect(detail({ pathsOut: 'paths.json' })).toBe('expected a file name ending in .csv, got "paths.json"');
  });
});

describe('the request of a chart with paths', () => {
  it('starts at the book\'s start for the book\'s functions, a documented point for the others', () => {
    expect(request({ fn: 'function_2', descent: 'sgd:0.1' }).starts).toEqual([[-3, 4]]);
    expect(request({ fn: 'ch06', descent: 'sgd:0.1' }).starts).toEqual([[-7, 2]]);
    expect(request({ fn: 'rosenbrock', descent: 'sgd:0.1' }).starts).toEqual([[-1.2, 1]]);
    // An expression: a tenth of the way in from the top-left corner of the range.
    expect(request({ expr: 'x0^2', descent: 'sgd:0.1' }).starts).toEqual([[-1.6, 1.6]]);
    expect(request({ expr: 'x0^2', range: '0,10', descent: 'sgd:0.1' }).starts).toEqual([[1, 9]]);
    expect(request({ fn: 'xy', descent: 'sgd', start: ['1,1', '2,-1'] }).starts).toEqual([[1, 1], [2, -1]]);
  });

  it('defaults to 30 iterations; default ranges grow to hold paths, given ones are kept', () => {
    const r = request({ fn: 'xy', descent: 'adam:0.3' });
    expect(r).toMatchObject({ iterations: 30, panels: false, autoRange: [true, true] });
    expect(request({ fn: 'xy', descent: 'adam:0.3', xrange: '-1,1' }).autoRange).toEqual([false, true]);
    expect(request({ fn: 'xy', descent: 'adam:0.3', range: '-1,1' }).autoRange).toEqual([false, false]);
    expect(request({ fn: 'xy' })).toMatchObject({ descent: [], starts: [] });
  });

  it('refuses path options without --descent', () => {
    expect(refusal({ fn: 'xy', start: '1,1' })).toBe('start: draws descent paths and needs --descent (e.g. --descent sgd:0.1)');
    expect(refusal({ fn: 'xy', iterations: '5' })).toMatch(/^iterations: draws descent paths and needs --descent/);
    expect(refusal({ fn: 'xy', panels: true })).toMatch(/^panels: draws descent paths and needs --descent/);
    expect(refusal({ fn: 'xy', pathsOut: 'p.csv' })).toMatch(/^pathsOut: draws descent paths and needs --descent/);
  });

  it('refuses more path updates than the limit, across starts × optimizers × iterations', () => {
    const max = LIMITS.pathPoints.max;
    expect(request({ fn: 'xy', descent: 'sgd,adam', start: ['1,1', '2,2'], iterations: String(max / 4) }).iterations).toBe(max / 4);
    expect(refusal({ fn: 'xy', descent: 'sgd,adam', start: ['1,1', '2,2'], iterations: String(max / 4 + 1) })).toBe(
      `iterations: ${max / 4 + 1} for 2 start(s) × 2 optimizer(s) makes ${(max + 4).toLocaleString('en-US')} path updates (starts × optimizers × iterations); ` +
        `the limit is ${max.toLocaleString('en-US')}: use fewer iterations, starts or optimizers`,
    );
  });

  it('refuses a start outside the box the paths stay in, and paths written over the chart', () => {
    expect(refusal({ fn: 'xy', descent: 'sgd', start: '21,0' })).toBe(
      'start: 21,0 lies outside the box [-20, 20] × [-20, 20] that paths stay in (10× the range around its centre); give a start inside it or a wider --range',
    );
    expect(request({ fn: 'xy', descent: 'sgd', start: '20,-20' }).starts).toEqual([[20, -20]]);
    expect(refusal({ fn: 'xy', descent: 'sgd', out: 'a.csv', pathsOut: 'a.csv' })).toBe('pathsOut: "a.csv" is also --out; give the paths their own file');
  });
});
