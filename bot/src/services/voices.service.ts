/**
 * Voices heard off screen (issue 14): each untagged voice with a sample comes into the thread as a
 * short audio file (files.uploadV2), then a message with its tag buttons. A voice linked to a person
 * seen speaking is left out: it takes that person's tag. Posted once per thread; a tag replaces the
 * voice's message with who tagged it.
 */
import type { VoiceTag, VoiceView } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { toRequester } from '../blocks/mrkdwn.js';
import type { VoiceRef } from '../blocks/values.js';
import { buildVoiceMessage } from '../blocks/voice.blocks.js';
import type { SlackMessage } from '../blocks/message.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ServiceContext } from './context.js';

export class VoicesService {
  /** Threads whose voices were posted (an analysis posts its people once, too). */
  private readonly posted = new Set<number>();

  constructor(private readonly ctx: ServiceContext) {}

  async post(thread: ThreadRecord): Promise<number> {
    const jobId = thread.jobId;
    if (!jobId || this.posted.has(thread.id)) return 0;
    this.posted.add(thread.id);
    const { voices = [] } = await this.ctx.engine.getPeople(jobId);
    const untagged = voices.filter((v) => v.person === null && v.counts === null && v.sample !== null);
    for (const voice of untagged) await this.postOne(thread, jobId, voice);
    return untagged.length;
  }

  /** Tags the voice for the person who clicked; the voice's message as it is now. */
  async tag(ref: VoiceRef, tag: VoiceTag, user: string): Promise<SlackMessage> {
    const { voices = [] } = await this.ctx.engine.tagVoice(ref.jobId, ref.voice, tag, toRequester(user));
    const voice = voices.find((v) => v.id === ref.voice);
    if (!voice) throw new OnscreenError('voice_unknown', `Voice ${ref.voice} is not in this analysis.`);
    return buildVoiceMessage(ref.jobId, voice);
  }

  private async postOne(thread: ThreadRecord, jobId: string, voice: VoiceView): Promise<void> {
    const sound = await this.ctx.engine.getVoiceSample(jobId, voice.id);
    await this.ctx.slack.files.uploadV2({
      channel_id: thread.channel,
      thread_ts: thread.rootTs,
      file: Buffer.from(sound),
      filename: `onscreen-voice-${voice.id}.m4a`,
      title: `Voice ${voice.id}`,
    });
    await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...buildVoiceMessage(jobId, voice), unfurl_links: false });
  }
}
