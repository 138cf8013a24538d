/**
 * Plays a voice's sample (issue 14): fetched with the token when first asked for, kept as an
 * object URL, played in an HTML audio element; a second press pauses.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { VoiceView } from '../../../../shared/src/analysis.js';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import { toObjectUrl } from './use-report.js';

export function VoicePlayButton({ client, jobId, voice }: { client: OnscreenClient; jobId: string; voice: VoiceView }): JSX.Element {
  const audio = useRef<HTMLAudioElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [isPlaying, setPlaying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const toggle = async (): Promise<void> => {
    const element = audio.current;
    if (!element) return;
    if (!element.paused) return element.pause();
    try {
      if (!url) {
        const next = toObjectUrl(await client.getVoiceSample(jobId, voice.id), 'audio/mp4');
        element.src = next;
        setUrl(next);
      }
      await element.play();
      setProblem(null);
    } catch {
      setProblem('The sample could not be played.');
    }
  };

  if (!voice.sample) return <span class="os-muted">(no sample)</span>;
  return (
    <>
      <button type="button" class="os-button os-voice__play" aria-label={`${isPlaying ? 'Pause' : 'Play'} voice ${voice.id}`} onClick={() => void toggle()}>
        {isPlaying ? '❚❚' : '▶'}
      </button>
      <audio ref={audio} preload="none" onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)} onEnded={() => setPlaying(false)} />
      {problem && <span class="os-error" role="alert">{problem}</span>}
    </>
  );
}
