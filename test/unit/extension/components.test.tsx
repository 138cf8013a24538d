import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { describeError } from '../../../extension/src/errors.js';
import { AnalyzeButton } from '../../../extension/src/ui/AnalyzeButton.js';
import { describeButton } from '../../../extension/src/ui/button-state.js';
import { ErrorNotice } from '../../../extension/src/ui/ErrorNotice.js';
import type { VideoPage } from '../../../extension/src/youtube-page.js';
import { makeJob } from './fixtures.js';

const video: VideoPage = { kind: 'video', videoId: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' };
const noop = (): void => undefined;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&#39;': "'", '&quot;': '"' };

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();
}

test('the button shows the progress as a fill and the label as text', () => {
  const job = makeJob({ status: 'running', progress: { stage: 'faces', percent: 37, etaSeconds: 20, message: 'Finding faces: 12 of 40 frames' } });
  const html = render(<AnalyzeButton view={describeButton({ page: video, job, isStarting: false })} error={null} onClick={noop} onOpenOptions={noop} onDismissError={noop} />);
  assert.match(textOf(html), /^Analysing 37%$/);
  assert.match(html, /--os-fill:\s*37%/);
  assert.match(html, /title="Finding faces: 12 of 40 frames"/);
  assert.match(html, /class="os-analyze os-analyze--busy"/);
  assert.doesNotMatch(html, /role="alert"/);
});

test('a disabled button says why, in its label and its tooltip', () => {
  const page: VideoPage = { kind: 'unavailable', label: "Live streams can't be analysed", reason: 'Try again once the stream has ended.' };
  const html = render(<AnalyzeButton view={describeButton({ page, job: null, isStarting: false })} error={null} onClick={noop} onOpenOptions={noop} onDismissError={noop} />);
  assert.match(html, /<button[^>]*disabled/);
  assert.match(textOf(html), /Live streams can't be analysed/);
  assert.match(html, /title="Try again once the stream has ended."/);
});

test('an error under the button offers the options only when they are the fix', () => {
  const view = describeButton({ page: video, job: null, isStarting: false });
  const refused = render(<AnalyzeButton view={view} error={describeError({ code: 'unauthorized', message: '' })} onClick={noop} onOpenOptions={noop} onDismissError={noop} />);
  assert.match(textOf(refused), /The engine refused the token\. Open Options and paste a valid API token \(where the engine runs, `npx onscreen token create <name>` makes one\)\. Open onscreen options/);
  const down = render(<AnalyzeButton view={view} error={describeError({ code: 'unavailable', message: '' }, 'http://127.0.0.1:8750')} onClick={noop} onOpenOptions={noop} onDismissError={noop} />);
  assert.match(textOf(down), /Can't reach the onscreen engine at http:\/\/127\.0\.0\.1:8750\./);
  assert.doesNotMatch(down, /Open onscreen options/);
});

test('the error notice offers the action that fits', () => {
  const retry = render(<ErrorNotice error={describeError({ code: 'rate_limited', message: '' })} onRetry={noop} onOpenOptions={noop} />);
  assert.match(textOf(retry), /The engine is busy\. Wait a minute and try again\. Try again/);
  assert.doesNotMatch(retry, /Open options/);
  const options = render(<ErrorNotice error={describeError({ code: 'not_configured', message: '' })} onRetry={noop} onOpenOptions={noop} />);
  assert.match(textOf(options), /Open options/);
});
