/**
 * One batch task, on whichever thread performs it (the main thread or a
 * worker, see pool.ts): draw a chart to its out path, or measure its field's
 * largest |∇f|. Requests are plain data (built-ins by name, expressions as
 * text), so they cross the thread boundary as they are.
 */
import { fExtent } from '../render/f-scale.js';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { computePlot } from '../plot.js';
import { largestMagnitude } from '../render/arrows.js';
import type { PlotRequest } from '../request.js';
import { runRequest } from '../run.js';

/** Work for one chart: render it to its out path, or measure its largest |∇f|. */
export interface Task {
  id: number;
  kind: 'render' | 'measure';
  request: PlotRequest;
}

/** How a task went, with its wall time in seconds; `cancelled` when the pool was closed under it. */
export type Outcome = { id: number; ok: true; seconds: number; maxMagnitude?: number; fRange?: [number, number] } | { id: number; ok: false; seconds: number; error: string; cancelled?: true };

/** Performs a task; a failure is an outcome, never a rejection. */
export async function perform(task: Task): Promise<Outcome> {
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  try {
    if (task.kind === 'measure') {
      // The field alone: the chart is drawn later, at the scale these measures give.
      const { field } = await computePlot(task.request, { chart: false });
      const f = fExtent(field.f);
      return { id: task.id, ok: true, seconds: seconds(), maxMagnitude: largestMagnitude(field), ...(f ? { fRange: [f.min, f.max] as [number, number] } : {}) };
    }
    await makeFolder(task.request.out!);
    await runRequest(task.request);
    return { id: task.id, ok: true, seconds: seconds() };
  } catch (error) {
    return { id: task.id, ok: false, seconds: seconds(), error: (error as Error).message };
  }
}

async function makeFolder(out: string): Promise<void> {
  try {
    await mkdir(dirname(out), { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the folder of ${out}: ${(error as Error).message}`, { cause: error });
  }
}
