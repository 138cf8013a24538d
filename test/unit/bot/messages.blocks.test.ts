/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAnalyzeModal } from '../../../bot/src/blocks/analyze-modal.blocks.js';
import { formatBy, formatLink, formatShare } from '../../../bot/src/blocks/mrkdwn.js';
import { buildHomeView, HOME_ENTRIES, listEachOnce, type AnalysisEntry } from '../../../bot/src/blocks/home.blocks.js';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { LIMITS } from '../../../bot/src/blocks/limits.js';
import { buildNotice, buildUsage } from '../../../bot/src/blocks/notice.blocks.js';
import { buildProgressMessage, drawBar } from '../../../bot/src/blocks/progress.blocks.js';
import { buildSummaryMessage, DEFINITIONS_LINE, describePeople } from '../../../bot/src/blocks/summary.blocks.js';
import { buildUnfurl } from '../../../bot/src/blocks/unfurl.blocks.js';
import { assertWithinLimits, makeJob, makeReport } from './fixtures.js';

type Any = Record<string, any>;
const base = { url: 'https://example.org/clip.mp4', title: null, requestedBy: 'U1', failure: null };

test('progress shows stage, percent and ETA, then the outcome', () => {
  const running = buildProgressMessage({ ...base, job: makeJob() });
  assertWithinLimits(running.blocks);
  assert.match(running.text, /Finding faces, 42%, about a minute left/);
  const first = (running.blocks[0] as Any).text.text as string;
  assert.match(first, /Finding faces\* · 42% · about a minute left/);
  assert.ok(first.includes(drawBar(42)));
  assert.match((running.blocks[1] as Any).elements[0].text, /Asked by <@U1>/);

  const starting = buildProgressMessage({ ...base, job: null });
  assert.match(starting.text, /^Starting to analyse https:\/\/example.org\/clip.mp4/);

  const tagging = buildProgressMessage({ ...base, job: makeJob({ status: 'tagging', people: 4 }) });
  assert.match(tagging.text, /4 people found\. Tag them below\./);
  const none = buildProgressMessage({ ...base, job: makeJob({ status: 'tagging', people: 0 }) });
  assert.match(none.text, /no faces were found/);
});

test('a failed job shown before its failure is worded says only that it stopped (the engine\'s message may be for an admin)', () => {
  const failed = makeJob({ status: 'failed', progress: { stage: 'source', percent: 0, etaSeconds: null, message: 'The face models are not installed. Run `npx onscreen models fetch`.' } });
  const shown = buildProgressMessage({ ...base, job: failed });
  assert.equal(shown.text, 'The analysis of https://example.org/clip.mp4 stopped.');
  assert.doesNotMatch(JSON.stringify(shown.blocks), /models|npx/);
});

test('a failure reads as plain words, without markup injection', () => {
  const failed = buildProgressMessage({ ...base, job: null, failure: 'The video is private or needs a sign-in. <script>' });
  assert.match(failed.text, /I could not analyse .* The video is private/);
  assert.match((failed.blocks[0] as Any).text.text, /&lt;script&gt;/);
});

test('the progress bar fills with the percent', () => {
  assert.equal(drawBar(0), '░'.repeat(20));
  assert.equal(drawBar(50), '█'.repeat(10) + '░'.repeat(10));
  assert.equal(drawBar(100), '█'.repeat(20));
});

test('the summary gives both shares, people counted, the definitions line and the report link', () => {
  const built = buildSummaryMessage({ report: makeReport(), videoLabel: 'Evening news', reportUrl: 'https://engine.example/jobs/j1', finishedBy: 'U7' });
  assertWithinLimits(built.blocks);
  assert.match(built.text, /women on screen 40% of the time, men 70%/);
  assert.match(built.text, /2 women, 3 men, 1 unknown, 1 untagged/);
  const fields = (built.blocks[1] as Any).fields.map((f: Any) => f.text).join('\n');
  assert.match(fields, /Women on screen\*\n40% of the time/);
  assert.match(fields, /Men on screen\*\n70% of the time/);
  assert.match(fields, /gendered screen time\*\n36%/);
  assert.ok(built.blocks.some((b: Any) => b.type === 'context' && b.elements[0].text === DEFINITIONS_LINE));
  const button = built.blocks.flatMap((b: Any) => b.elements ?? []).find((e: Any) => e.action_id === ACTION_IDS.openReport);
  assert.equal(button.url, 'https://engine.example/jobs/j1');
  assert.equal(describePeople({ ...makeReport(), people: { female: 1, male: 1, unknown: 0, untagged: 0 } }), '1 woman, 1 man');
});

test('App Home lists the user\'s and their channels\' analyses within a view\'s limits', () => {
  const entry = (i: number): AnalysisEntry => ({
    key: `job:${i}`, videoLabel: `Video ${i}`, channel: 'C1', status: i % 2 ? 'done' : 'tagging', createdAt: 1_700_000_000_000 + i,
    requestedBy: 'U1', permalink: 'https://team.slack.com/archives/C1/p1', reportUrl: `https://engine.example/jobs/${i}`, people: i,
  });
  const view = buildHomeView({ mine: Array.from({ length: 40 }, (_, i) => entry(i)), channels: [entry(98)] });
  assert.equal(view.type, 'home');
  assertWithinLimits(view.blocks, LIMITS.blocksPerView);
  const texts = view.blocks.map((b: Any) => b.text?.text ?? '').join('\n');
  assert.equal((texts.match(/\*Video \d+\*/g) ?? []).length, HOME_ENTRIES + 1);
  assert.match(texts, /Video 98\*\n:label: waiting for tags · 98 people · <#C1> · asked by <@U1>/);
  assert.match(texts, /<https:\/\/engine.example\/jobs\/98\|report>/);
  const empty = buildHomeView({ mine: [], channels: [] });
  assert.match(JSON.stringify(empty.blocks), /You have not asked for an analysis yet/);
});

test('App Home lists each analysis once: not again under "your channels", and one job followed in two channels once', () => {
  const entry = (key: string, channel: string, requestedBy = 'U1'): AnalysisEntry => ({
    key, videoLabel: `Video ${key}`, channel, status: 'tagging', createdAt: 1_700_000_000_000, requestedBy, permalink: null, reportUrl: null, people: 11,
  });
  const view = listEachOnce({
    mine: [entry('job:a', 'C1'), entry('job:a', 'C2'), entry('job:b', 'C1')],
    channels: [entry('job:a', 'C1'), entry('job:c', 'C1', 'U2'), entry('job:c', 'C3', 'U3'), entry('job:b', 'C1')],
  });
  assert.deepEqual(view.mine.map((e) => [e.key, e.channel, e.alsoIn]), [['job:a', 'C1', ['C2']], ['job:b', 'C1', []]]);
  assert.deepEqual(view.channels.map((e) => [e.key, e.alsoIn]), [['job:c', ['C3']]]);
  const texts = JSON.stringify(buildHomeView({ mine: [entry('job:a', 'C1'), entry('job:a', 'C2')], channels: [entry('job:a', 'C1')] }).blocks);
  assert.equal(texts.match(/\*Video job:a\*/g)?.length, 1, 'listed once in the whole view');
  assert.match(texts, /11 people · <#C1> \(also in <#C2>\)/);
});

test('the unfurl offers a button and never starts by itself; the modal asks for a link and a channel', () => {
  const unfurl = buildUnfurl('https://www.youtube.com/watch?v=abcdefghijk');
  assertWithinLimits(unfurl.blocks);
  const button = (unfurl.blocks[0] as Any).elements[0];
  assert.equal(button.action_id, ACTION_IDS.analyzeLink);
  assert.equal(button.text.text, 'Analyze representation');
  assert.equal(button.value, 'https://www.youtube.com/watch?v=abcdefghijk');
  const modal = buildAnalyzeModal();
  assert.equal(modal.type, 'modal');
  assertWithinLimits(modal.blocks, LIMITS.blocksPerView);
  assert.deepEqual(modal.blocks.filter((b: Any) => b.type === 'input').map((b: Any) => b.element.type), ['url_text_input', 'conversations_select']);
});

test('notices carry a text fallback beside their blocks', () => {
  for (const built of [buildNotice('Hello <there>'), buildUsage()]) {
    assert.ok(built.text.length > 0);
    assert.ok(built.blocks.length > 0);
  }
  assert.doesNotMatch(buildUsage().text, /`/);
});

test('mrkdwn formatters', () => {
  assert.equal(formatShare(0.4234), '42%');
  assert.equal(formatShare(null), 'n/a');
  assert.equal(formatBy('slack:U123ABC'), '<@U123ABC>');
  assert.equal(formatBy('slack:T1:W9'), '<@W9>');
  assert.equal(formatBy('newsroom-token'), 'newsroom-token');
  assert.equal(formatBy('<!channel>'), '&lt;!channel&gt;');
  assert.equal(formatLink('https://x.org/a|b', 'A <b>'), '<https://x.org/a%7Cb|A &lt;b&gt;>');
});
