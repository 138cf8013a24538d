/** What a YouTube link unfurls into: an invitation, never an analysis started on its own. */
import { ACTION_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { context, plain, type Block } from './message.js';

export function buildUnfurl(url: string): { blocks: Block[] } {
  return {
    blocks: [
      {
        type: 'actions',
        block_id: 'onscreen.unfurl',
        elements: [{ type: 'button', action_id: ACTION_IDS.analyzeLink, text: plain('Analyze representation', LIMITS.buttonTextChars), value: url }],
      },
      context('onscreen measures who is on screen, and for how long. The results come back in a thread here.'),
    ],
  };
}
