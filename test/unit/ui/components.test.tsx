import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { Job } from '../../../shared/src/api/types.js';
import type { VNode } from 'preact';
import { DoubtNote } from '../../../shared/src/ui/DoubtNote.js';
import { JobList } from '../../../shared/src/ui/JobList.js';
import { JobProgress } from '../../../shared/src/ui/JobProgress.js';
import { PeopleGrid } from '../../../shared/src/ui/PeopleGrid.js';
import { PersonCard } from '../../../shared/src/ui/PersonCard.js';
import { ReportView } from '../../../shared/src/ui/ReportView.js';
import { makePerson, makeReport } from './ui-fixtures.js';

const noop = async (): Promise<void> => undefined;

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ').trim();
}

test('PersonCard shows the suggestion in words and marks the current tag as pressed', () => {
  const person = makePerson(2, { tag: 'male', tagOrigin: 'person', taggedBy: 'ana', seconds: 25 });
  const html = render(<PersonCard person={person} thumbnailSrc="blob:x" videoSeconds={100} onTag={() => undefined} />);
  assert.match(textOf(html), /Person 2 25 s on screen \(25%\)/);
  assert.match(textOf(html), /Suggested: woman 92%/);
  assert.match(textOf(html), /Tagged Male by ana/);
  const pressed = [...html.matchAll(/<button[^>]*aria-pressed="true"[^>]*>(.*?)<\/button>/g)].map((m) => textOf(m[1] ?? ''));
  assert.deepEqual(pressed, ['✓ Male']);
  assert.match(html, /<span class="os-tag__check" aria-hidden="true">/, 'the tick is hidden from screen readers, which hear "pressed"');
  assert.equal(html.match(/aria-pressed="false"/g)?.length, 3);
  assert.match(html, /<img src="blob:x" alt="Faces of Person 2"/);
});

test('PersonCard offers split only for several tracks and "show me" only with a callback', () => {
  const single = render(<PersonCard person={makePerson(0)} onTag={() => undefined} onSplit={() => undefined} />);
  assert.doesNotMatch(single, /Split/);
  assert.doesNotMatch(single, /Show me/);
  const several = render(
    <PersonCard person={makePerson(0, { tracks: [1, 2, 3], showAt: 65 })} onTag={() => undefined} onSplit={() => undefined} onShow={() => undefined} />,
  );
  assert.match(several, /Split into 3 separate people/);
  assert.match(textOf(several), /Show me \(1:05\)/);
});

const DOUBT = { reason: 'two-groups' as const, groups: [[3, 5], [4]] as [number[], number[]], similarity: 0.34 };

/** The vnodes of a tree (elements and unrendered components), depth first. */
function vnodesOf(node: unknown): VNode<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(vnodesOf);
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const vnode = node as VNode<Record<string, unknown>>;
  return [vnode, ...vnodesOf(vnode.props.children)];
}

test('PersonCard flags "check: may be two people" with a one-click split; people without a doubt have no note', () => {
  const person = makePerson(3, { tracks: [3, 4, 5], doubt: DOUBT });
  const html = render(<PersonCard person={person} onTag={() => undefined} onSplit={() => undefined} />);
  assert.match(html, /<p class="os-doubt" role="note"><strong>Check: may be two people\.<\/strong>/);
  assert.match(textOf(html), /look less alike than one person’s usually do\. Split in two/);
  assert.match(html, /title="Keep 2 shots here; move the other 1 to a new person\."/);
  assert.doesNotMatch(render(<PersonCard person={makePerson(3, { tracks: [3, 4] })} onTag={() => undefined} />), /may be two people/);
  const readOnly = render(<PersonCard person={person} onTag={() => undefined} />);
  assert.match(readOnly, /may be two people/, 'the flag shows even where people cannot be split');
  assert.doesNotMatch(readOnly, /Split in two/);
});

test('the doubt\'s split moves the second group, through PersonCard to its onSplit', () => {
  const moved: number[][] = [];
  const note = DoubtNote({ doubt: DOUBT, onSplit: (tracks) => moved.push(tracks) });
  const button = vnodesOf(note).find((v) => v.type === 'button');
  (button?.props.onClick as () => void)();
  assert.deepEqual(moved, [[4]]);

  const asked: (number[] | undefined)[] = [];
  const card = PersonCard({ person: makePerson(3, { tracks: [3, 4, 5], doubt: DOUBT }), onTag: () => undefined, onSplit: (tracks) => asked.push(tracks) });
  const hook = vnodesOf(card).find((v) => (v.type as unknown) === DoubtNote);
  (hook?.props.onSplit as (tracks: number[]) => void)([4]);
  assert.deepEqual(asked, [[4]]);
});

test('PersonCard disables its buttons while busy', () => {
  const html = render(<PersonCard person={makePerson(0)} isBusy onTag={() => undefined} />);
  assert.equal(html.match(/<button[^>]*disabled/g)?.length, 4);
});

test('PeopleGrid sorts by screen time and counts who is tagged', () => {
  const people = [
    makePerson(0, { seconds: 5 }),
    makePerson(1, { seconds: 50, tag: 'female', tagOrigin: 'person' }),
    makePerson(2, { seconds: 20, suggestion: null }),
  ];
  const html = render(
    <PeopleGrid people={people} onTag={noop} onMerge={noop} onAcceptSuggestions={noop} onUndo={noop} onFinish={noop} />,
  );
  const order = [...html.matchAll(/data-person="(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [1, 2, 0]);
  assert.match(textOf(html), /1 of 3 people tagged/);
  assert.match(textOf(html), /2 people left to tag/);
  // Only person 0 is untagged with a suggestion.
  assert.match(textOf(html), /Accept all suggestions \(1\)/);
  assert.match(html, /<button[^>]*disabled[^>]*>Finish tagging<\/button>/);
});

test('PeopleGrid enables finishing once everyone is tagged, and says when nobody was found', () => {
  const people = [makePerson(0, { tag: 'not-face', tagOrigin: 'person' })];
  const html = render(<PeopleGrid people={people} onTag={noop} onMerge={noop} onAcceptSuggestions={noop} onUndo={noop} onFinish={noop} />);
  assert.match(html, /<button type="button" class="os-button os-button--primary"[^>]*>Finish tagging<\/button>/);
  assert.doesNotMatch(html, /disabled[^>]*>Finish tagging/);
  const empty = render(<PeopleGrid people={[]} onTag={noop} onMerge={noop} onAcceptSuggestions={noop} onUndo={noop} />);
  assert.match(textOf(empty), /No faces were found in this video/);
});

const job = {
  status: 'running',
  progress: { stage: 'faces', percent: 41.6, etaSeconds: 130, message: 'Finding faces: 312 of 720 frames' },
  error: null,
} satisfies Pick<Job, 'status' | 'progress' | 'error'>;

test('JobProgress shows the stage, the percent and the time left in words', () => {
  const html = render(<JobProgress job={job} />);
  assert.match(textOf(html), /Finding faces 42% · about 2 minutes left/);
  assert.match(html, /aria-valuenow="42"/);
  assert.match(textOf(html), /Finding faces: 312 of 720 frames/);
});

test('JobProgress shows a failure with its hint', () => {
  const failed = { ...job, status: 'failed' as const, error: { code: 'source_private', message: 'The video is private.', hint: 'Ask for a public link.' } };
  const html = render(<JobProgress job={failed} />);
  assert.match(html, /role="alert"/);
  assert.match(textOf(html), /The analysis failed\. The video is private\. Ask for a public link\./);
});

test('ReportView shows the key numbers, the given charts and the exports', () => {
  const report = makeReport();
  const html = render(
    <ReportView report={report} chartUrls={{ share: 'blob:share' }} exportUrls={{ csv: '/r.csv' }} onExport={() => undefined} />,
  );
  const text = textOf(html);
  assert.match(text, /Women on screen 30% of the video \(3 s\)/);
  assert.match(text, /Men on screen 40%/);
  assert.match(text, /Women's share 43%/);
  assert.match(text, /Likely range 27–34%/);
  assert.match(text, /People counted 3 1 woman, 2 men, 0 unknown; 1 person not yet tagged/);
  assert.match(text, /1 person not tagged yet/);
  assert.match(text, /Only women: 20%/);
  assert.match(html, /<img src="blob:share" alt="Screen time by gender"/);
  assert.doesNotMatch(html, /data-chart="timeline"/);
  assert.match(html, /<a class="os-button" href="\/r.csv" download[^>]*>Spreadsheet \(CSV\)<\/a>/);
  assert.match(html, /<button[^>]*>Report \(HTML\)<\/button>/);
  assert.match(text, /How these figures are measured Screen time › female › share/);
});

test('JobList links each job and shows its status in words', () => {
  const listed: Job = {
    id: 'j1', status: 'tagging', progress: { ...job.progress, stage: 'done', percent: 100 }, source: { kind: 'url', label: 'https://x/clip.mp4', videoId: null },
    title: 'Evening news', options: { fps: 2 }, requester: null, createdAt: '2025-03-04T05:06:07Z', updatedAt: '2025-03-04T05:06:07Z',
    error: null, people: 7, duration: 185, pageUrl: '/jobs/j1',
  };
  const html = render(<JobList jobs={[listed]} hrefFor={(j) => j.pageUrl} />);
  assert.match(html, /<a href="\/jobs\/j1">Evening news<\/a>/);
  assert.match(textOf(html), /Ready to tag 7 3 min 5 s 2025-03-04 05:06/);
});
