/** The App Home tab: the user's recent analyses, and recent ones in the channels they work in. */
import { escapeText, formatLink } from './mrkdwn.js';
import { ACTION_IDS } from './ids.js';
import { LIMITS, truncate } from './limits.js';
import { context, plain, section, type Block, type View } from './message.js';

export type AnalysisStatus = 'starting' | 'analysing' | 'tagging' | 'done' | 'failed';

export interface AnalysisEntry {
  /** What makes two entries the same analysis: the engine's job (followed in one or more threads), or the thread before there is one. */
  key: string;
  videoLabel: string;
  channel: string;
  status: AnalysisStatus;
  /** Milliseconds since the epoch. */
  createdAt: number;
  requestedBy: string;
  /** Link to the Slack thread, when known. */
  permalink: string | null;
  /** Link to the engine's report page, once there is a job. */
  reportUrl: string | null;
  people: number | null;
  /** Other channels whose threads follow the same analysis. */
  alsoIn?: string[];
}

export interface HomeView {
  mine: AnalysisEntry[];
  channels: AnalysisEntry[];
}

/** Entries per list: 2 lists × (1 block each + 2 headings) stay well under a view's 100 blocks. */
export const HOME_ENTRIES = 15;

const STATUS_LABELS: Record<AnalysisStatus, string> = {
  starting: ':hourglass_flowing_sand: starting',
  analysing: ':mag: analysing',
  tagging: ':label: waiting for tags',
  done: ':white_check_mark: finished',
  failed: ':warning: failed',
};

export function buildHomeView(input: HomeView): View {
  const view = listEachOnce(input);
  const blocks: Block[] = [
    { type: 'header', text: plain('onscreen: who is on screen, and for how long', LIMITS.headerChars) },
    section(
      'Post a video link and mention me, use `/onscreen <link>`, or press the button on a YouTube link. I analyse who is on screen; you tag the people in the thread; the charts land in the same thread.',
      { type: 'button', action_id: ACTION_IDS.openHomeModal, text: plain('Analyse a video', LIMITS.buttonTextChars), style: 'primary' },
    ),
    { type: 'divider' },
    section('*Your recent analyses*'),
    ...listEntries(view.mine, 'You have not asked for an analysis yet.'),
    { type: 'divider' },
    section('*Recent in your channels*'),
    ...listEntries(view.channels, 'Nothing yet in the channels where you asked for or tagged an analysis.'),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerView) };
}

/**
 * Each analysis once: threads following one job (the same video asked for in two channels)
 * make one entry, the newest, naming the other channels; "Recent in your channels" leaves out
 * what "Your recent analyses" already lists.
 */
export function listEachOnce(view: HomeView): HomeView {
  const merge = (entries: readonly AnalysisEntry[]): AnalysisEntry[] => {
    const byKey = new Map<string, AnalysisEntry>();
    for (const entry of entries) {
      const seen = byKey.get(entry.key);
      if (!seen) byKey.set(entry.key, { ...entry, alsoIn: [...(entry.alsoIn ?? [])] });
      else if (entry.channel !== seen.channel && !seen.alsoIn?.includes(entry.channel)) seen.alsoIn?.push(entry.channel);
    }
    return [...byKey.values()];
  };
  const mine = merge(view.mine);
  const listed = new Set(mine.map((e) => e.key));
  return { mine, channels: merge(view.channels.filter((e) => !listed.has(e.key))) };
}

function listEntries(entries: AnalysisEntry[], empty: string): Block[] {
  if (entries.length === 0) return [context(empty)];
  return entries.slice(0, HOME_ENTRIES).map((entry) => section(describeEntry(entry)));
}

function describeEntry(entry: AnalysisEntry): string {
  const when = `<!date^${Math.floor(entry.createdAt / 1000)}^{date_short_pretty} {time}|${new Date(entry.createdAt).toISOString().slice(0, 16)}Z>`;
  const title = `*${escapeText(truncate(entry.videoLabel, 120))}*`;
  const links = [
    entry.permalink ? formatLink(entry.permalink, 'thread') : null,
    entry.reportUrl ? formatLink(entry.reportUrl, 'report') : null,
  ].filter((l): l is string => l !== null);
  const people = entry.people === null ? '' : ` · ${entry.people} ${entry.people === 1 ? 'person' : 'people'}`;
  const also = entry.alsoIn?.length ? ` (also in ${entry.alsoIn.map((c) => `<#${c}>`).join(', ')})` : '';
  return `${title}\n${STATUS_LABELS[entry.status]}${people} · <#${entry.channel}>${also} · asked by <@${entry.requestedBy}> · ${when}${links.length ? ` · ${links.join(' · ')}` : ''}`;
}
