/** The modal behind App Home's "Analyse a video": a link and the channel the thread goes to. */
import { INPUT_IDS, VIEW_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { context, plain, type View } from './message.js';

export function buildAnalyzeModal(): View {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.analyzeModal,
    title: plain('Analyse a video', 24),
    submit: plain('Analyse', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: INPUT_IDS.urlBlock,
        label: plain('Video link', LIMITS.headerChars),
        element: { type: 'url_text_input', action_id: INPUT_IDS.urlInput, placeholder: plain('https://www.youtube.com/watch?v=…', 150) },
      },
      {
        type: 'input',
        block_id: INPUT_IDS.channelBlock,
        label: plain('Post the results in', LIMITS.headerChars),
        element: { type: 'conversations_select', action_id: INPUT_IDS.channelInput, filter: { include: ['public', 'private'], exclude_bot_users: true } },
      },
      context('Invite me to the channel first (`/invite @onscreen`).'),
    ],
  };
}
