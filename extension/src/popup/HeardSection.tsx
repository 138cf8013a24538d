/**
 * Who is heard in the popup (issue 14): the voices (heard by seeking the YouTube player to their
 * first words, tagged by ear) and "Who speaks" (each stretch of one speaker, with a select to set
 * who is speaking). The shared components of the tagging page; every edit goes through the worker.
 */
import type { JSX } from 'preact';
import type { VoiceTag } from '../../../shared/src/analysis.js';
import { ActionError } from '../../../shared/src/ui/ActionError.js';
import type { ActionState } from '../../../shared/src/ui/use-action.js';
import { VoicesSection } from '../../../shared/src/ui/VoicesSection.js';
import { WhoSpeaks } from '../../../shared/src/ui/WhoSpeaks.js';
import type { PeopleWithThumbnails } from '../messages.js';
import { HearButton } from './HearButton.js';

export interface HeardSectionProps {
  people: PeopleWithThumbnails;
  action: ActionState;
  /** Shows the action's error here (the list view shows it above the people already). */
  isShowingError: boolean;
  onSeek: ((seconds: number) => void) | undefined;
  onTagVoice: (voice: string, tag: VoiceTag) => Promise<void>;
  onCorrect: (start: number, end: number, person: number | null) => Promise<void>;
}

export function HeardSection({ people, action, isShowingError, onSeek, onTagVoice, onCorrect }: HeardSectionProps): JSX.Element {
  return (
    <>
      {isShowingError && <ActionError error={action.error} onDismiss={action.clearError} />}
      {people.voices && (
        <VoicesSection
          voices={people.voices}
          hear={(voice) => <HearButton voice={voice} onSeek={onSeek} />}
          isBusy={action.isBusy}
          onTag={(voice, tag) => void action.run(() => onTagVoice(voice, tag))}
        />
      )}
      {people.speech && (
        <WhoSpeaks
          speech={people.speech}
          people={people.people}
          isBusy={action.isBusy}
          onCorrect={(start, end, person) => void action.run(() => onCorrect(start, end, person))}
        />
      )}
    </>
  );
}
