import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/batch/pool.js';

describe('the default number of batch threads', () => {
  it('is one for every two idle cores: a drawing thread keeps about two busy', () => {
    expect(defaultJobs(1, 0)).toBe(1);
    expect(defaultJobs(2, 0)).toBe(1);
    expect(defaultJobs(4, 0)).toBe(2);
    expect(defaultJobs(8, 0.3)).toBe(4);
  });

  it('leaves out the cores other processes keep busy, down to one thread', () => {
    expect(defaultJobs(2, 1.2)).toBe(1);
    expect(defaultJobs(8, 2.6)).toBe(3);
    expect(defaultJobs(16, 4)).toBe(6);
    expect(defaultJobs(2, 19.5)).toBe(1);
  });
});
