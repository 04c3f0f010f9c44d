import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { settle } from '../src/core/optimizers.js';
import { parseOptions, type PlotOptions } from '../src/options.js';
import { commandLine, optionsText, shellQuote } from '../src/options-text.js';

describe('optionsText', () => {
  it('writes typed options as command-line text that parses back to the same values', () => {
    const options: PlotOptions = {
      expr: 'sin(x0*x1)',
      xrange: [-3, 3],
      yrange: [-1.5, 2.25],
      step: 0.125,
      h: 1e-5,
      method: 'five-point',
      critical: true,
      background: 'contour',
      descent: [settle({ optimizer: 'adam', lr: 0.3, beta1: 0.8 }), settle({ optimizer: 'momentum', lr: 0.1 })],
      start: [[-1, 2], [0.5, -0.25]],
      iterations: 40,
    };
    const text = optionsText(options);
    expect(text).toEqual({
      expr: 'sin(x0*x1)',
      xrange: '-3,3',
      yrange: '-1.5,2.25',
      step: '0.125',
      h: '0.00001',
      method: 'five-point',
      critical: true,
      background: 'contour',
      descent: 'adam:0.3:beta1=0.8,momentum:0.1',
      start: ['-1,2', '0.5,-0.25'],
      iterations: '40',
    });
    const { options: back, errors } = parseOptions(text);
    expect(errors).toEqual([]);
    expect(back).toEqual(options);
  });
});

describe('commandLine', () => {
  it('writes the options in the order of --help, equal ranges once, each start as its own --start', () => {
    const line = commandLine({ start: ['1,2', '0,1'], descent: 'sgd:0.1', critical: true, xrange: '-3,3', yrange: '-3,3', expr: 'sin(x0*x1)' }, 'f.png');
    expect(line).toBe("gradplot --expr 'sin(x0*x1)' --range -3,3 --critical --descent sgd:0.1 --start 1,2 --start 0,1 -o f.png");
  });

  it('keeps different ranges apart', () => {
    expect(commandLine({ fn: 'xy', xrange: '-1,1', yrange: '-2,2' }, 'xy.svg')).toBe('gradplot --fn xy --xrange -1,1 --yrange -2,2 -o xy.svg');
  });
});

describe('shellQuote', () => {
  it('gives a POSIX shell back every word as it was', () => {
    const words = ['sin(x0*x1)', "it's", 'a b', '$HOME', '`id`', '"q"', '\\', 'x0^2 + x1^2', '-2,2', 'f.png', '!', '*', '~', '#c', ''];
    const r = spawnSync('sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
  });

  it('leaves plain words unquoted', () => {
    expect(['-2,2', 'sgd:0.1', 'f.png', 'beta1=0.8'].map(shellQuote)).toEqual(['-2,2', 'sgd:0.1', 'f.png', 'beta1=0.8']);
  });
});
