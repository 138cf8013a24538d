/** On a watch page whose channel has analysed videos: the channel's totals so far, and its collection page. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describeTotals } from '../../../shared/src/format/totals.js';
import type { ChannelSoFar as Found } from '../messages.js';
import { ask } from '../messaging.js';

export function ChannelSoFar({ tabId }: { tabId: number }): JSX.Element | null {
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    let isCurrent = true;
    // Quietly: the channel's totals are extra; the popup's other parts say when the engine is not there.
    void ask('channelTotals', { tabId })
      .catch(() => null)
      .then((value) => isCurrent && setFound(value));
    return () => {
      isCurrent = false;
    };
  }, [tabId]);
  const total = found?.totals.total;
  if (!found || !total) return null;
  const { channel } = found.totals;
  const words = describeTotals(total);
  return (
    <section class="ext-card ext-channel" aria-label="This channel so far">
      <h2>{channel.name ?? channel.handle ?? 'This channel'} so far</h2>
      <p class="ext-channel__headline">{words.headline.replace(/^w/, 'W')}</p>
      <p class="os-muted">
        Range {words.womenRange} · men on screen {words.men} · {words.tagging}
      </p>
      {found.pageUrl && (
        <a class="os-link" href={found.pageUrl} target="_blank" rel="noreferrer">
          Open the channel's collection
        </a>
      )}
    </section>
  );
}
