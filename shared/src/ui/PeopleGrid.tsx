/**
 * Everyone found in the video, most screen time first, with the tagging actions. Each action is
 * a callback returning a promise: the grid stays busy while it runs and shows its failure inline.
 */
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PersonView, Tag } from '../analysis.js';
import { ActionError } from './ActionError.js';
import { GridToolbar } from './GridToolbar.js';
import type { EditSummary } from '../api/types.js';
import { MergeBar } from './MergeBar.js';
import { PersonCard } from './PersonCard.js';
import { SplitPanel } from './SplitPanel.js';
import { useAction } from './use-action.js';

export interface PeopleGridProps {
  people: PersonView[];
  /** The thumbnail URL for a person, undefined while it loads. */
  thumbnailSrc?: ((person: PersonView) => string | undefined) | undefined;
  videoSeconds?: number | undefined;
  /** Whether tagging has been marked as finished. */
  isFinished?: boolean;
  /** False when there is known to be nothing to undo. */
  canUndo?: boolean;
  /** What undo and redo would do now, by whom (from PeopleResponse); the buttons say it. */
  pending?: { undo: EditSummary | null; redo: EditSummary | null } | undefined;
  onTag: (person: number, tag: Tag) => Promise<unknown>;
  onMerge: (into: number, from: number) => Promise<unknown>;
  /** Splits a person into one per track, or moves the given tracks to a new person ("may be two people"). */
  onSplit?: ((person: number, tracks?: number[]) => Promise<unknown>) | undefined;
  onName?: ((person: number, name: string) => Promise<unknown>) | undefined;
  onNotThem?: ((person: number) => Promise<unknown>) | undefined;
  /** A track's face: given, split asks which tracks are someone else instead of splitting them all. */
  trackSrc?: ((track: number) => string | undefined) | undefined;
  onAcceptSuggestions: () => Promise<unknown>;
  onUndo: () => Promise<unknown>;
  onRedo?: (() => Promise<unknown>) | undefined;
  onFinish?: (() => Promise<unknown>) | undefined;
  onShow?: ((seconds: number) => void) | undefined;
}

export function sortByScreenTime(people: readonly PersonView[]): PersonView[] {
  return [...people].sort((a, b) => b.seconds - a.seconds || a.id - b.id);
}

export function PeopleGrid(props: PeopleGridProps): JSX.Element {
  const { isBusy, error, run, clearError } = useAction();
  const { onFinish, onSplit, onName, onNotThem, onRedo, trackSrc, pending } = props;
  const [selected, setSelected] = useState<number[]>([]);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [isUntaggedOnly, setUntaggedOnly] = useState(false);
  const sorted = useMemo(() => sortByScreenTime(props.people), [props.people]);
  const byId = new Map(sorted.map((p) => [p.id, p]));
  const live = selected.filter((id) => byId.has(id));
  const tagged = sorted.filter((p) => p.tag !== null).length;
  const acceptable = sorted.filter((p) => p.tag === null && p.suggestion !== null).length;
  const splitPerson = splitting === null ? undefined : byId.get(splitting);
  const shown = isUntaggedOnly ? sorted.filter((p) => p.tag === null || live.includes(p.id)) : sorted;

  const toggle = (id: number, isOn: boolean): void =>
    setSelected((current) => (isOn ? [...current.filter((x) => byId.has(x)), id].slice(-2) : current.filter((x) => x !== id)));

  const merge = (): Promise<void> =>
    run(async () => {
      const [a, b] = live.map((id) => byId.get(id)).filter((p): p is PersonView => p !== undefined);
      if (!a || !b) return;
      // The person with more screen time stays, so their tag and name survive.
      const [into, from] = a.seconds >= b.seconds ? [a, b] : [b, a];
      await props.onMerge(into.id, from.id);
      setSelected([]);
    });

  return (
    <section class="os-grid-section" aria-label="People in the video" aria-busy={isBusy}>
      <GridToolbar
        tagged={tagged}
        total={sorted.length}
        acceptable={acceptable}
        isBusy={isBusy}
        isFinished={props.isFinished ?? false}
        canUndo={pending ? pending.undo !== null : (props.canUndo ?? true)}
        undoLabel={pending?.undo?.label}
        redoLabel={pending ? (pending.redo?.label ?? null) : undefined}
        onAcceptSuggestions={() => void run(props.onAcceptSuggestions)}
        onUndo={() => void run(props.onUndo)}
        onRedo={onRedo ? () => void run(onRedo) : undefined}
        onFinish={onFinish ? () => void run(onFinish) : undefined}
      />
      <div class="os-status-line">
        <label class="os-select">
          <input type="checkbox" checked={isUntaggedOnly} onChange={(e) => setUntaggedOnly((e.currentTarget as HTMLInputElement).checked)} />
          Show only people not yet tagged
        </label>
        <span class="os-muted os-hint">Tip: with a person's buttons focused, press F, M, U or N.</span>
        <span class="os-saving" role="status">{isBusy ? 'Saving…' : ''}</span>
      </div>
      <ActionError error={error} onDismiss={clearError} />
      <MergeBar selected={live} isBusy={isBusy} onMerge={() => void merge()} onCancel={() => setSelected([])} />
      {splitPerson && onSplit && trackSrc && (
        <SplitPanel
          key={splitPerson.id}
          person={splitPerson}
          trackSrc={trackSrc}
          isBusy={isBusy}
          onCancel={() => setSplitting(null)}
          onSplit={(tracks) =>
            void run(async () => {
              await onSplit(splitPerson.id, tracks);
              setSplitting(null);
            })
          }
        />
      )}
      {sorted.length === 0 ? (
        <p class="os-empty">No faces were found in this video.</p>
      ) : shown.length === 0 ? (
        <p class="os-empty">Everyone is tagged. Untick “Show only people not yet tagged” to see them all.</p>
      ) : (
        <div class="os-grid">
          {shown.map((person) => (
            <PersonCard
              key={person.id}
              person={person}
              thumbnailSrc={props.thumbnailSrc?.(person)}
              videoSeconds={props.videoSeconds}
              isBusy={isBusy}
              isSelected={live.includes(person.id)}
              canSelect={live.length < 2}
              onTag={(tag) => void run(() => props.onTag(person.id, tag), { queue: true })}
              onToggleSelect={(isOn) => toggle(person.id, isOn)}
              onSplit={
                !onSplit
                  ? undefined
                  : (tracks) => (tracks || !trackSrc ? void run(() => onSplit(person.id, tracks)) : setSplitting(person.id))
              }
              splitHint={trackSrc ? 'Not all the same person? Pick the faces that are someone else.' : undefined}
              onName={onName ? (name) => void run(() => onName(person.id, name)) : undefined}
              onNotThem={onNotThem ? () => void run(() => onNotThem(person.id)) : undefined}
              onShow={props.onShow}
            />
          ))}
        </div>
      )}
    </section>
  );
}
