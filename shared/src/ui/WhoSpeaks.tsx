/**
 * "Who speaks" (issue 14): the speech as the tagging history now has it, one row per run of the
 * same speaker (consecutive segments of one person, or of off screen, make one row), each with a
 * select to correct the speaker to one of the people or to off screen. Long videos have many
 * runs: the first few show, the rest behind "show all". Undo takes a correction back like a tag.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PersonView } from '../analysis.js';
import type { SpeechSpan } from '../api/types.js';
import { describeRunParts, NO_SPEECH_FOUND, OFF_SCREEN_LABEL, speakerOption, speakerRuns, type SpeakerRun } from '../format/speech.js';

export { speakerRuns, type SpeakerRun };

export interface WhoSpeaksProps {
  speech: readonly SpeechSpan[];
  /** The people one can name as the speaker ("not a face" ones are left out: they do not speak). */
  people: readonly PersonView[];
  /** Sets the speaker of [start, end]: a person, or null for off screen. */
  onCorrect?: (start: number, end: number, person: number | null) => void;
  isBusy?: boolean;
  /** Rows shown before "show all". */
  limit?: number;
}

const OFF = 'off';

export function WhoSpeaks({ speech, people, onCorrect, isBusy = false, limit = 8 }: WhoSpeaksProps): JSX.Element {
  const [isAll, setAll] = useState(false);
  const runs = speakerRuns(speech);
  const shown = isAll ? runs : runs.slice(0, limit);
  const speakers = people.filter((p) => p.tag !== 'not-face');
  return (
    <section class="os-speaks" aria-labelledby="os-speaks-title">
      <h3 id="os-speaks-title">Who speaks</h3>
      {runs.length === 0 ? (
        <p class="os-muted">{NO_SPEECH_FOUND}</p>
      ) : (
        <>
          <p class="os-muted">Who is seen speaking, or off screen. Correct a line if the wrong person was credited.</p>
          <ol class="os-speaks__list">
            {shown.map((run) => (
              <SpeakerRow key={run.start} run={run} speakers={speakers} onCorrect={onCorrect} isBusy={isBusy} />
            ))}
          </ol>
          {runs.length > shown.length && (
            <button type="button" class="os-link" onClick={() => setAll(true)}>
              Show all {runs.length}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function SpeakerRow(props: { run: SpeakerRun; speakers: readonly PersonView[]; onCorrect: WhoSpeaksProps['onCorrect']; isBusy: boolean }): JSX.Element {
  const { run, speakers, onCorrect, isBusy } = props;
  const { span, who, detail } = describeRunParts(run);
  return (
    <li class="os-speaks__row" data-start={run.start} data-end={run.end}>
      <span class="os-speaks__span">{span}</span>
      <span class="os-speaks__who">{who}</span>
      <span class="os-muted">{detail}</span>
      {onCorrect && (
        <select
          aria-label={`Who speaks ${span}`}
          value={run.person === null ? OFF : String(run.person)}
          disabled={isBusy}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            onCorrect(run.start, run.end, value === OFF ? null : Number(value));
          }}
        >
          <option value={OFF}>{OFF_SCREEN_LABEL}</option>
          {speakers.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {speakerOption(p)}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}
