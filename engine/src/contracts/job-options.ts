/**
 * The options of one analysis with their limits: the one declaration that the CLI's flags, the
 * API's schema (and its OpenAPI document) and the jobs service read, and the one guard they call.
 * A server may lower the top sampling rate (ONSCREEN_MAX_FPS), never raise it above MAX_FPS.
 */
import { z } from 'zod';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';

export type JobOptions = Pick<AnalyzeOptions, 'fps' | 'minFaceSize'>;

export interface JobOptionSpec {
  /** The command-line flag. */
  flag: string;
  /** Lowest value (excluded when `isMinExcluded`) and highest value accepted. */
  min: number;
  isMinExcluded: boolean;
  max: number;
  isInteger: boolean;
  default: number;
  /** For help texts and messages. */
  what: string;
}

export const MAX_FPS = 30;

export const JOB_OPTIONS: Record<keyof JobOptions, JobOptionSpec> = {
  fps: { flag: '--fps', min: 0, isMinExcluded: true, max: MAX_FPS, isInteger: false, default: DEFAULT_ANALYZE_OPTIONS.fps, what: 'samples per second' },
  minFaceSize: { flag: '--min-face', min: 1, isMinExcluded: false, max: 1000, isInteger: true, default: DEFAULT_ANALYZE_OPTIONS.minFaceSize, what: 'smallest face side judged, in pixels' },
};

/** The options as a request carries them: each one optional, a number (the limits are checked by `resolveJobOptions`). */
export const jobOptionsSchema = z.strictObject({ fps: z.number().optional(), minFaceSize: z.number().optional() });

/** The options as an upload's query string carries them (text, read as numbers). */
export const JOB_OPTION_QUERY_FIELDS = { fps: z.coerce.number().optional() };

/** Lowers a limit for this server (e.g. `{ fps: { max: 10, default: 2 } }`); never above the declared one. */
export type JobOptionLimits = Partial<Record<keyof JobOptions, { max?: number; default?: number }>>;

/** The one guard: fills defaults and refuses a value outside its limits with one line saying which. */
export function resolveJobOptions(input: Partial<Record<keyof JobOptions, number | undefined>>, limits: JobOptionLimits = {}): JobOptions {
  return { fps: resolveOption('fps', input.fps, limits), minFaceSize: resolveOption('minFaceSize', input.minFaceSize, limits) };
}

export function resolveOption(name: keyof JobOptions, value: number | undefined, limits: JobOptionLimits = {}): number {
  const spec = JOB_OPTIONS[name];
  const max = Math.min(spec.max, limits[name]?.max ?? spec.max);
  if (value === undefined) return limits[name]?.default ?? spec.default;
  const isBelow = spec.isMinExcluded ? !(value > spec.min) : !(value >= spec.min);
  if (!Number.isFinite(value) || isBelow || value > max || (spec.isInteger && !Number.isInteger(value))) {
    throw new OnscreenError('bad_request', `${describe(name)} must be ${spec.isInteger ? 'a whole number' : 'a number'} ${spec.isMinExcluded ? 'above' : 'from'} ${spec.min} ${spec.isMinExcluded ? 'and at most' : 'to'} ${max}, not ${value}.`);
  }
  return value;
}

/** A flag's text ("2.5"), parsed and checked: undefined keeps the default. */
export function parseOptionFlag(name: keyof JobOptions, text: string | undefined): number {
  return resolveOption(name, text === undefined ? undefined : text.trim() === '' ? Number.NaN : Number(text));
}

/** JSON Schema of options with their limits (the OpenAPI document's Job.options). */
export function jobOptionsJsonSchema(names: readonly (keyof JobOptions)[]): Record<string, unknown> {
  const property = (spec: JobOptionSpec) => ({
    type: spec.isInteger ? 'integer' : 'number',
    [spec.isMinExcluded ? 'exclusiveMinimum' : 'minimum']: spec.min,
    maximum: spec.max,
    description: spec.what,
  });
  return { type: 'object', required: [...names], properties: Object.fromEntries(names.map((name) => [name, property(JOB_OPTIONS[name])])) };
}

function describe(name: keyof JobOptions): string {
  return name === 'fps' ? 'The sampling rate (fps)' : `The ${JOB_OPTIONS[name].what} (${JOB_OPTIONS[name].flag})`;
}
