/**
 * The job's video beside the people, to check a face in context: "show me" on a person seeks
 * here. YouTube videos play in YouTube's privacy-enhanced embed (seeking reloads it at the
 * second), direct links from where they are, uploads through a signed link from the engine.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { VideoSource } from '../../../../shared/src/api/types.js';

/** A request to show the video at `seconds`; a new object each time, so the same second can be asked twice. */
export interface SeekRequest {
  seconds: number;
}

export function VideoPlayer({ source, seek }: { source: VideoSource; seek: SeekRequest | null }): JSX.Element {
  const video = useRef<HTMLVideoElement>(null);
  const box = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!seek) return;
    box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const element = video.current;
    if (!element) return;
    element.currentTime = seek.seconds;
    void element.play().catch(() => undefined);
  }, [seek]);

  const start = seek ? Math.floor(seek.seconds) : null;
  return (
    <section class="os-player" aria-label="The video" ref={box}>
      {source.kind === 'youtube' ? (
        <iframe
          class="os-player__frame"
          title="The video on YouTube"
          src={`https://www.youtube-nocookie.com/embed/${encodeURIComponent(source.videoId)}?rel=0${start === null ? '' : `&start=${start}&autoplay=1`}`}
          allow="autoplay; encrypted-media; picture-in-picture"
          allowFullScreen
        />
      ) : source.kind === 'none' ? (
        <p class="os-muted">{source.reason}</p>
      ) : (
        <video class="os-player__video" ref={video} src={source.url} controls preload="metadata" playsInline />
      )}
    </section>
  );
}
