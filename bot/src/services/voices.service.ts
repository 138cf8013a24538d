/**
 * Speech in the thread (issue 14): first "Who speaks" (each stretch of speech with a menu to set
 * who is speaking, or one line saying no speech was found), then each untagged voice with a sample
 * as a short audio file (files.uploadV2) and a message with its tag buttons. A voice linked to a
 * person seen speaking is left out: it takes that person's tag. What was posted is kept in the
 * store, so a restart finishes an interrupted posting and posts nothing twice.
 */
import type { VoiceTag, VoiceView } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { toRequester } from '../blocks/mrkdwn.js';
import { buildSpeakersMessage } from '../blocks/speakers.blocks.js';
import type { SpeakerRef, VoiceRef } from '../blocks/values.js';
import { buildVoiceMessage } from '../blocks/voice.blocks.js';
import type { SlackMessage } from '../blocks/message.js';
import type { ThreadRecord } from '../store/bot.store.js';
import type { ServiceContext } from './context.js';
import type { PeopleService } from './people.service.js';

export class VoicesService {
  constructor(private readonly ctx: ServiceContext, private readonly people: PeopleService) {}

  /** Posts the thread's speech and voices, once per thread; the number of voices posted. */
  async post(thread: ThreadRecord): Promise<number> {
    if (!thread.jobId || !this.ctx.store.speech.claim(thread.id)) return 0;
    return this.postRest(thread, thread.jobId);
  }

  /** At start-up: finishes the postings a stop, or a refusal from Slack, interrupted. */
  resume(): void {
    for (const id of this.ctx.store.speech.unfinished()) {
      const thread = this.ctx.store.getThread(id);
      const jobId = thread?.jobId;
      if (thread && jobId) this.ctx.tasks.run(`post the voices of ${jobId}`, () => this.finishPosting(thread, jobId));
    }
  }

  private async finishPosting(thread: ThreadRecord, jobId: string): Promise<void> {
    try {
      await this.postRest(thread, jobId);
    } catch (error) {
      // A job deleted since (or by retention) has nothing left to post: stop trying at every start.
      if (error instanceof OnscreenError && error.code === 'job_not_found') this.ctx.store.speech.finish(thread.id);
      throw error;
    }
  }

  /** Tags the voice for the person who clicked; the voice's message as it is now. */
  async tag(ref: VoiceRef, tag: VoiceTag, user: string): Promise<SlackMessage> {
    const { voices = [] } = await this.ctx.engine.tagVoice(ref.jobId, ref.voice, tag, toRequester(user));
    const voice = voices.find((v) => v.id === ref.voice);
    if (!voice) throw new OnscreenError('voice_unknown', `Voice ${ref.voice} is not in this analysis.`);
    return buildVoiceMessage(ref.jobId, voice);
  }

  /**
   * Sets who speaks in the span for the person who chose; "Who speaks" as it is now. The people's
   * speaking time follows, in every thread following the job (and their "Who speaks").
   */
  async correctSpeaker(ref: SpeakerRef, user: string): Promise<SlackMessage> {
    const { speech = [], people } = await this.ctx.engine.correctSpeaker(ref.jobId, ref.start, ref.end, ref.person, toRequester(user));
    this.ctx.tasks.run(`refresh the people of ${ref.jobId}`, () => this.people.refresh(ref.jobId));
    return buildSpeakersMessage(ref.jobId, speech, people);
  }

  /** Posts what is not posted yet, then marks the thread's posting finished. */
  private async postRest(thread: ThreadRecord, jobId: string): Promise<number> {
    const store = this.ctx.store.speech;
    const { voices = [], speech, people } = await this.ctx.engine.getPeople(jobId);
    // An analysis made before speech was measured has nothing to say about it.
    if (speech !== undefined && store.speakersTs(thread.id) === null) {
      const posted = await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...buildSpeakersMessage(jobId, speech, people), unfurl_links: false });
      store.setSpeakersTs(thread.id, posted.ts as string);
    }
    const done = store.voiceMessages(thread.id);
    const untagged = voices.filter((v) => v.person === null && v.counts === null && v.sample !== null && !done.has(v.id));
    for (const voice of untagged) store.setVoiceTs(thread.id, voice.id, await this.postOne(thread, jobId, voice));
    store.finish(thread.id);
    return untagged.length;
  }

  /** The voice's sample, then its message; the message's ts. */
  private async postOne(thread: ThreadRecord, jobId: string, voice: VoiceView): Promise<string> {
    const sound = await this.ctx.engine.getVoiceSample(jobId, voice.id);
    await this.ctx.slack.files.uploadV2({
      channel_id: thread.channel,
      thread_ts: thread.rootTs,
      file: Buffer.from(sound),
      filename: `onscreen-voice-${voice.id}.m4a`,
      title: `Voice ${voice.id}`,
    });
    const posted = await this.ctx.slack.chat.postMessage({ channel: thread.channel, thread_ts: thread.rootTs, ...buildVoiceMessage(jobId, voice), unfurl_links: false });
    return posted.ts as string;
  }
}
