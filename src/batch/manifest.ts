/**
 * A batch manifest, read and checked as a whole:
 *
 *   file ──yaml──▶ { defaults, charts } ──parseOptions + resolveRequest──▶ one PlotRequest per chart
 *
 * The same parsers and defaults as the command line. Every problem is collected,
 * with its path and line, before anything is rendered.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, optionName } from '../errors.js';
import { resolveFunction } from '../functions/resolve.js';
import { OPTIONS, parseOptions, unknownKey, type PlotOptions } from '../options.js';
import { notApplied } from '../notes.js';
import { resolveRequest, type PlotRequest } from '../request.js';
import { checkOut } from './out-path.js';
import { ARROW_SCALE, SHARED } from './shared-scale.js';

/** Chart options a manifest does not take, with the reason given. */
export const NOT_IN_MANIFEST: Readonly<Record<string, string>> = {
  check: 'not available in a batch; run `gradplot --check` on one chart',
};

/** One chart of a manifest, checked: everything needed to render it. */
export interface BatchChart {
  /** Position in the manifest's `charts`, from 0, as in `charts[3]`. */
  index: number;
  /** The out path relative to the output folder, with `/`: the chart's stable name (for shards and the cache). */
  name: string;
  /** The checked request; its `out` is an absolute path. */
  request: PlotRequest;
  /** Whether the chart takes the arrow scale computed across the batch. */
  sharedScale: boolean;
}

/** A checked manifest: its charts, ready to render. */
export interface Manifest {
  /** The manifest file, as given. */
  file: string;
  /** The folder out paths are relative to: `--out-dir`, or the manifest's folder. */
  base: string;
  charts: BatchChart[];
  /** Options that change nothing in a chart's output (`charts[2].theme` with a .csv), one line each. */
  notes: string[];
}

/** What the command line adds to a manifest. */
export interface LoadOptions {
  /** Folder for the outputs instead of the manifest's. */
  outDir?: string;
  /** Chart options given on the batch line, raw (`{ theme: 'dark', arrowScale: 'shared' }`): above the defaults and each chart's own values. */
  chartOptions?: Record<string, unknown>;
  /** `--allow-outside`: out paths may leave the output folder. */
  allowOutside?: boolean;
}

/** One problem in a manifest: where (`charts[3].range`), what, and its place in the file. */
export interface Problem {
  path: string;
  detail: string;
  /** Lines shown under the problem (an expression with a caret). */
  context?: string;
  line?: number;
  col?: number;
}

/** A manifest with problems: all of them, one per line, as `file:line:col: path: detail`. */
export class ManifestError extends InputError {
  readonly problems: readonly Problem[];

  constructor(file: string, problems: Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => {
      const at = p.line ? `${file}:${p.line}:${p.col}` : file;
      const context = p.context ? '\n' + p.context.replace(/^/gm, '    ') : '';
      return `${at}: ${p.path || 'manifest'}: ${p.detail}${context}`;
    });
    super('', `${file}: ${count}; nothing was rendered`, lines.join('\n'));
    this.problems = problems;
  }
}

type Segment = string | number;

/** The keys of a manifest itself. */
const TOP_LEVEL = ['defaults', 'charts', 'allowOutside'];

/** Reads, checks and resolves a manifest; throws ManifestError listing every problem. */
export async function loadManifest(file: string, options: LoadOptions = {}): Promise<Manifest> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new InputError('', `cannot read the manifest ${file}: ${error.message}`);
  });
  const lines = new LineCounter();
  const doc = parseText(file, text, lines);
  const problems: Problem[] = [];
  const addProblem = (segments: Segment[], detail: string, { key = false, context }: { key?: boolean; context?: string } = {}) => {
    problems.push({ path: pathOf(segments), detail, context, ...locate(doc, lines, segments, key) });
  };
  const base = resolve(options.outDir ?? dirname(file));
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml reader refuses aliases that expand without bound (a "billion laughs" file).
    throw new ManifestError(file, [{ path: '', detail: (error as Error).message }]);
  }
  const notes: string[] = [];
  const charts = await checkManifest(data, base, options, addProblem, notes);
  if (problems.length) throw new ManifestError(file, problems.sort(byPlace));
  return { file, base, charts, notes };
}

type AddProblem = (segments: Segment[], detail: string, extra?: { key?: boolean; context?: string }) => void;

// YAML for .yaml/.yml; JSON (parsed by the same reader, with JSON's rules) for .json.
function parseText(file: string, text: string, lines: LineCounter): Document {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    throw new InputError('', `${file}: unknown manifest type "${ext}"; expected .yaml, .yml or .json`);
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, ...(ext === '.json' ? { schema: 'json' } : {}) });
  if (doc.errors.length) {
    throw new ManifestError(
      file,
      doc.errors.map((e) => ({ path: '', detail: e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''), ...lines.linePos(e.pos[0]) })),
    );
  }
  return doc;
}

async function checkManifest(data: unknown, base: string, options: LoadOptions, addProblem: AddProblem, notes: string[]): Promise<BatchChart[]> {
  if (!isRecord(data)) {
    addProblem([], 'expected a mapping with `charts:` (a list of charts) and optionally `defaults:`');
    return [];
  }
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL.includes(key)) addProblem([key], unknownKey(key, TOP_LEVEL), { key: true });
  }
  if (data.allowOutside !== undefined && typeof data.allowOutside !== 'boolean') {
    addProblem(['allowOutside'], `expected true or false, got ${shownBriefly(data.allowOutside)}`);
  }
  const allowOutside = options.allowOutside === true || data.allowOutside === true;
  const defaults = data.defaults === undefined ? {} : data.defaults;
  if (!isRecord(defaults)) addProblem(['defaults'], `expected a mapping of chart options, got ${shownBriefly(defaults)}`);
  const inherited = isRecord(defaults) ? checkOptions(['defaults'], defaults, false, addProblem) : empty();
  const list = data.charts;
  if (!Array.isArray(list) || list.length === 0) {
    const what = list === undefined ? 'missing' : Array.isArray(list) ? 'empty' : `expected a list, got ${shownBriefly(list)}`;
    addProblem(['charts'], `${what}: give a list of charts, each with an out path and a function (fn or expr)`);
    return [];
  }
  const commandLine = checkCommandLine(options.chartOptions ?? {});
  const lineKeys = Object.keys(commandLine.options);
  const charts: BatchChart[] = [];
  const outs = new Map<string, number>();
  for (const [index, raw] of list.entries()) {
    const at: Segment[] = ['charts', index];
    if (!isRecord(raw)) {
      addProblem(at, `expected a mapping of chart options with an out path, got ${shownBriefly(raw)}`);
      continue;
    }
    const own = checkOptions(at, raw, true, addProblem);
    const checked = typeof own.options.out === 'string' ? checkOut(own.options.out, base, allowOutside) : undefined;
    if (checked && 'problem' in checked) addProblem([...at, 'out'], checked.problem);
    const target = checked && 'path' in checked ? checked : undefined;
    const first = target === undefined ? undefined : outs.get(target.file);
    if (first !== undefined) addProblem([...at, 'out'], `${JSON.stringify(raw.out)} is also the output of charts[${first}]; each chart needs its own file`);
    else if (target !== undefined) outs.set(target.file, index);
    if (!own.ok || target === undefined) continue;
    const out = target.path;
    const ownKeys = Object.keys(raw);
    const fromDefaults = Object.keys(inherited.options).filter((k) => !ownKeys.includes(k) && !replaced(ownKeys, k));
    const merged = { ...pick(inherited.options, fromDefaults), ...own.options } as PlotOptions;
    const sharedScale = commandLine.given.includes(ARROW_SCALE) ? commandLine.shared : own.shared || (inherited.shared && !ownKeys.includes(ARROW_SCALE));
    for (const key of Object.keys(merged)) if (replaced(lineKeys, key)) delete (merged as Record<string, unknown>)[key];
    Object.assign(merged, commandLine.options);
    const request = await resolveChart(at, merged, { own: ownKeys, fromDefaults, badDefaults: inherited.failed }, addProblem);
    if (!request || first !== undefined) continue;
    notes.push(...notApplied(ownKeys, request, (key) => `${pathOf(at)}.${key}`));
    const pathsOut = request.pathsOut === undefined ? {} : { pathsOut: resolve(base, request.pathsOut) };
    charts.push({ index, name: relative(base, out).split(sep).join('/'), request: { ...request, out, ...pathsOut }, sharedScale });
  }
  // An option of the batch line is noted when it changes none of the charts.
  for (const key of commandLine.given) {
    const unused = charts.map((c) => notApplied([key], c.request));
    if (charts.length && unused.every((n) => n.length)) {
      const name = optionName(key, 'cli');
      notes.push(`${name} changes none of this manifest's charts: it${unused[0]![0]!.slice(name.length)}`);
    }
  }
  return charts;
}

interface Checked {
  /** False when a key had a problem (reported). */
  ok: boolean;
  options: Record<string, unknown>;
  /** Keys that had a problem. */
  failed: Set<string>;
  /** `arrowScale: shared`. */
  shared: boolean;
}

function empty(): Checked {
  return { ok: true, options: {}, failed: new Set(), shared: false };
}

/** Chart options that replace defaults other than their own, where the two would clash: a chart's function, range or length wins. */
export const REPLACES: Readonly<Record<string, readonly string[]>> = {
  fn: ['expr'],
  expr: ['fn'],
  range: ['xrange', 'yrange'],
  length: ['normalize'],
  normalize: ['length'],
};

// Whether a chart giving `own` keys replaces the default `key`.
function replaced(own: readonly string[], key: string): boolean {
  return own.some((k) => Object.hasOwn(REPLACES, k) && REPLACES[k].includes(key));
}

// One mapping of options (the defaults, or a chart), each value through the command line's parser.
function checkOptions(at: Segment[], raw: Record<string, unknown>, isChart: boolean, addProblem: AddProblem): Checked {
  const checked = empty();
  const known = OPTIONS.map((o) => o.key as string).filter((k) => !Object.hasOwn(NOT_IN_MANIFEST, k) && (isChart || k !== 'out'));
  const values: Record<string, unknown> = {};
  const fail = (key: string, detail: string, isKey = false) => {
    checked.failed.add(key);
    addProblem([...at, key], detail, { key: isKey });
  };
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(NOT_IN_MANIFEST, key)) fail(key, NOT_IN_MANIFEST[key], true);
    else if (key === 'out' && !isChart) fail(key, 'not allowed in defaults; give each chart its own out', true);
    else if (!known.includes(key)) fail(key, unknownKey(key, known), true);
    else if (key === 'out' && value === '-') fail(key, '"-" (stdout) is not available in a batch; give a file path');
    else if (key === ARROW_SCALE && value === SHARED) checked.shared = true;
    else values[key] = value;
  }
  if (isChart && raw.out === undefined) fail('out', 'missing: give the file this chart is written to, e.g. out: gallery/xy.png');
  const { options, errors } = parseOptions(values);
  for (const { key, detail } of errors) fail(key, detail);
  checked.options = options as Record<string, unknown>;
  checked.ok = checked.failed.size === 0;
  return checked;
}

// Chart options of the `gradplot batch` line, through the same parsers; `--arrow-scale` may also be `shared`.
function checkCommandLine(raw: Record<string, unknown>): { options: Record<string, unknown>; shared: boolean; given: string[] } {
  const given = Object.keys(raw).filter((k) => raw[k] !== undefined);
  const shared = raw[ARROW_SCALE] === SHARED;
  const { options, errors } = parseOptions(shared ? { ...raw, [ARROW_SCALE]: undefined } : raw);
  if (errors.length) {
    const { key, detail } = errors[0];
    throw new InputError(key, key === ARROW_SCALE ? `${detail}, or ${SHARED}` : detail);
  }
  return { options: options as Record<string, unknown>, shared, given };
}

/** Where a chart's options came from, to name the right place for a problem. */
interface Sources {
  /** Keys the chart gives itself. */
  own: string[];
  /** Keys it takes from the defaults. */
  fromDefaults: string[];
  /** Defaults that had problems (already reported). */
  badDefaults: Set<string>;
}

// resolveRequest stops at a chart's first problem, which is reported at the key it names.
async function resolveChart(at: Segment[], options: PlotOptions, { own, fromDefaults, badDefaults }: Sources, addProblem: AddProblem): Promise<PlotRequest | undefined> {
  let request: PlotRequest;
  try {
    request = resolveRequest(options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const key = error.key;
    // A bad default the chart does not replace is reported once, at the defaults, not again per chart.
    const blames = (k: string) => badDefaults.has(k) && !own.includes(k) && !replaced(own, k);
    const blamesDefaults = key ? blames(key) : blames('fn') || blames('expr');
    if (!blamesDefaults) {
      const inherited = fromDefaults.includes(key) ? ' (from defaults)' : '';
      addProblem(key ? [...at, key] : at, error.detail + inherited, { context: error.context });
    }
    return undefined;
  }
  if (request.fn.kind === 'expr') {
    // Compiling here turns a bad expression into a manifest problem (exit 2) rather than a failed chart.
    try {
      const named = await resolveFunction(request.fn);
      if (request.method === 'analytic' && !named.fn.grad) {
        addProblem([...at, 'method'], `needs an exact gradient, but ${named.noExactGradient ?? 'this function has none'}`);
        return undefined;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      addProblem([...at, 'expr'], error.detail, { context: error.context });
      return undefined;
    }
  }
  return request;
}

function pathOf(segments: Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

// The line and column of a value (or of its key) in the manifest, when the path exists there.
function locate(doc: Document, lines: LineCounter, segments: Segment[], key: boolean): { line?: number; col?: number } {
  const at = (path: Segment[]): unknown => (path.length ? doc.getIn(path, true) : doc.contents);
  let node = at(segments);
  if (segments.length && (key || node === undefined)) {
    const parent = at(segments.slice(0, -1));
    const last = segments.at(-1);
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === last) : undefined;
    node = pair?.key ?? parent;
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? lines.linePos(range[0]) : {};
}

// Problems in the order of the file; those without a place last.
function byPlace(a: Problem, b: Problem): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.col ?? 0) - (b.col ?? 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(options: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, options[k]]));
}

// A value in a message; a list is named, not printed, as it may be long.
function shownBriefly(value: unknown): string {
  return Array.isArray(value) ? 'a list' : JSON.stringify(value) ?? String(value);
}
