/** Job ids: 20 lowercase hex characters. Anything else is refused before it reaches storage. */
import { randomBytes } from 'node:crypto';
import { OnscreenError } from '../../../shared/src/errors.js';

export const JOB_ID_PATTERN = /^[0-9a-f]{20}$/;

export function createJobId(): string {
  return randomBytes(10).toString('hex');
}

export function isJobId(value: string): boolean {
  return JOB_ID_PATTERN.test(value);
}

export function assertJobId(value: string): string {
  if (!isJobId(value)) throw new OnscreenError('job_not_found', 'No such job: job ids are 20 hexadecimal characters.');
  return value;
}
