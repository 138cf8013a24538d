/** The report's own definitions of its figures, folded away until a reader asks. */
import type { JSX } from 'preact';

export interface DefinitionsProps {
  definitions: Record<string, string>;
}

export function Definitions({ definitions }: DefinitionsProps): JSX.Element | null {
  const entries = Object.entries(definitions);
  if (entries.length === 0) return null;
  return (
    <details class="os-definitions">
      <summary>How these figures are measured</summary>
      <dl>
        {entries.map(([field, text]) => (
          <div class="os-definition">
            <dt>{describeField(field)}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** "screenTime.female.share" → "Screen time › female › share": readable without knowing the JSON. */
export function describeField(field: string): string {
  const words = field.split('.').map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' › ');
}
