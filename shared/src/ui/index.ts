/** The preact components and helpers shared by the engine's page and the extension. Styles: ./styles.css. */
export { ActionError } from './ActionError.js';
export { CoPresenceBar, type CoPresenceBarProps } from './CoPresenceBar.js';
export { DoubtNote, type DoubtNoteProps } from './DoubtNote.js';
export { Definitions, describeField, type DefinitionsProps } from './Definitions.js';
export * from './format.js';
export { GridToolbar, type GridToolbarProps } from './GridToolbar.js';
export { JobList, type JobListProps } from './JobList.js';
export { JobProgress, type JobProgressProps } from './JobProgress.js';
export { KeyNumbers, type KeyNumbersProps } from './KeyNumbers.js';
export { MergeBar, type MergeBarProps } from './MergeBar.js';
export { PeopleGrid, sortByScreenTime, type PeopleGridProps } from './PeopleGrid.js';
export { PersonCard, type PersonCardProps } from './PersonCard.js';
export { ReportView, type ExportFormat, type ReportViewProps } from './ReportView.js';
export { tagForKey } from './tag-keys.js';
export * from './timeline.js';
export { TimelineStrip, type TimelineStripProps } from './TimelineStrip.js';
export { useAction, type ActionState } from './use-action.js';
export { VoicesSection, VOICE_TAG_LABELS, type VoicesSectionProps } from './VoicesSection.js';
