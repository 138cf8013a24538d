import type { App } from '@slack/bolt';
import type { BotServices } from '../../services/index.js';
import { registerAcceptSuggestions } from './accept-suggestions.action.js';
import { registerAnalyzeLink } from './analyze-link.action.js';
import { registerCorrectSpeaker } from './correct-speaker.action.js';
import { registerFinishTagging } from './finish-tagging.action.js';
import { registerMergePerson } from './merge-person.action.js';
import { registerOpenAnalyzeModal } from './open-analyze-modal.action.js';
import { registerOpenReport } from './open-report.action.js';
import { registerPersonDetails } from './person-details.action.js';
import { registerSwitchLayout } from './switch-layout.action.js';
import { registerTagPerson } from './tag-person.action.js';
import { registerTagVoice } from './tag-voice.action.js';

export function register(app: App, services: BotServices): void {
  registerTagPerson(app, services);
  registerMergePerson(app, services);
  registerAcceptSuggestions(app, services);
  registerFinishTagging(app, services);
  registerAnalyzeLink(app, services);
  registerOpenReport(app);
  registerOpenAnalyzeModal(app);
  registerPersonDetails(app, services);
  registerSwitchLayout(app, services);
  registerTagVoice(app, services);
  registerCorrectSpeaker(app, services);
}
