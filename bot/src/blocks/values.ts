/**
 * What the bot packs into buttons' and options' `value`s. Slack signs every interaction,
 * so a value comes back as the bot wrote it; decoding still rejects anything malformed.
 */
import { LIMITS } from './limits.js';

export interface PersonRef {
  jobId: string;
  person: number;
}

export interface MergeRef {
  jobId: string;
  /** The person merged away. */
  from: number;
  /** The person that stays. */
  into: number;
}

const JOB_ID = /^[\w-]{1,128}$/;

export function encodePersonRef(ref: PersonRef): string {
  return checked(`${ref.jobId}|${ref.person}`);
}

export function decodePersonRef(value: string | undefined): PersonRef | null {
  const [jobId, person, ...rest] = (value ?? '').split('|');
  if (rest.length > 0 || !isJobId(jobId) || !isPersonId(person)) return null;
  return { jobId, person: Number(person) };
}

export function encodeMergeRef(ref: MergeRef): string {
  return checked(`${ref.jobId}|${ref.from}|${ref.into}`, LIMITS.optionValueChars);
}

export function decodeMergeRef(value: string | undefined): MergeRef | null {
  const [jobId, from, into, ...rest] = (value ?? '').split('|');
  if (rest.length > 0 || !isJobId(jobId) || !isPersonId(from) || !isPersonId(into) || from === into) return null;
  return { jobId, from: Number(from), into: Number(into) };
}

export interface VoiceRef {
  jobId: string;
  /** v0, v1, … */
  voice: string;
}

export function encodeVoiceRef(ref: VoiceRef): string {
  return checked(`${ref.jobId}|${ref.voice}`);
}

export function decodeVoiceRef(value: string | undefined): VoiceRef | null {
  const [jobId, voice, ...rest] = (value ?? '').split('|');
  if (rest.length > 0 || !isJobId(jobId) || voice === undefined || !/^v\d{1,6}$/.test(voice)) return null;
  return { jobId, voice };
}

/** A speaker correction: who speaks from `start` to `end` seconds, a person or null (off screen). */
export interface SpeakerRef {
  jobId: string;
  start: number;
  end: number;
  person: number | null;
}

export function encodeSpeakerRef(ref: SpeakerRef): string {
  return checked(`${ref.jobId}|${ref.start}|${ref.end}|${ref.person ?? 'off'}`, LIMITS.optionValueChars);
}

export function decodeSpeakerRef(value: string | undefined): SpeakerRef | null {
  const [jobId, start, end, person, ...rest] = (value ?? '').split('|');
  if (rest.length > 0 || !isJobId(jobId) || !isSeconds(start) || !isSeconds(end) || Number(end) <= Number(start)) return null;
  if (person !== 'off' && !isPersonId(person)) return null;
  return { jobId, start: Number(start), end: Number(end), person: person === 'off' ? null : Number(person) };
}

export interface LayoutRef {
  jobId: string;
  layout: 'full' | 'compact';
}

export function encodeLayoutRef(ref: LayoutRef): string {
  return checked(`${ref.jobId}|${ref.layout}`);
}

export function decodeLayoutRef(value: string | undefined): LayoutRef | null {
  const [jobId, layout, ...rest] = (value ?? '').split('|');
  if (rest.length > 0 || !isJobId(jobId) || (layout !== 'full' && layout !== 'compact')) return null;
  return { jobId, layout };
}

export function encodeJobRef(jobId: string): string {
  return checked(jobId);
}

export function decodeJobRef(value: string | undefined): string | null {
  return isJobId(value) ? value : null;
}

function isJobId(value: string | undefined): value is string {
  return value !== undefined && JOB_ID.test(value);
}

function isPersonId(value: string | undefined): value is string {
  return value !== undefined && /^\d{1,9}$/.test(value);
}

function isSeconds(value: string | undefined): value is string {
  return value !== undefined && /^\d{1,7}(\.\d{1,20})?$/.test(value);
}

function checked(value: string, max: number = LIMITS.valueChars): string {
  if (value.length > max) throw new RangeError(`A Block Kit value is ${value.length} characters; the limit is ${max}.`);
  return value;
}
