/**
 * What YouTube's refusals (from yt-dlp's messages or the player's playability status) mean for
 * the user. Pure.
 */
import { OnscreenError } from '../../../../shared/src/errors.js';

const RULES: Array<[RegExp, () => OnscreenError]> = [
  [/private video|video is private|\bprivate\b.*sign in|members[- ]only|join this channel/i,
    () => new OnscreenError('source_private', 'This YouTube video is private or for members only, so it cannot be analysed.')],
  [/confirm your age|age[- ]restricted|inappropriate for some users|AGE_CHECK_REQUIRED|AGE_VERIFICATION_REQUIRED/i,
    () => new OnscreenError('source_private', 'This YouTube video is age-restricted and needs a signed-in account, so it cannot be analysed.')],
  [/live event|is live|live stream|premieres? in|LIVE_STREAM_OFFLINE|upcoming/i,
    () => new OnscreenError('source_unavailable', 'This is a live or upcoming stream; onscreen can analyse it once it has ended.')],
  [/not available in your country|geo[- ]?restrict|blocked it in your country/i,
    () => new OnscreenError('source_unavailable', 'This YouTube video is not available in the server’s country.')],
  [/\b(429|5\d\d) \(|HTTP Error (429|5\d\d)/,
    () => new OnscreenError('download_failed', 'YouTube did not answer properly just now. Try again in a few minutes.')],
  [/fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|socket/i,
    () => new OnscreenError('download_failed', 'YouTube could not be reached from this server. Try again later.')],
  [/copyright|terminated|removed|unavailable|does not exist|UNPLAYABLE|^ERROR:\s*$/i,
    () => new OnscreenError('source_unavailable', 'This YouTube video is not available (removed, blocked or never existed).')],
  [/not a bot|sign in to confirm|LOGIN_REQUIRED|CONTENT_CHECK_REQUIRED/i,
    () => new OnscreenError('youtube_unsupported', 'YouTube refused to hand the video to this server (it asks for a sign-in). Install yt-dlp on the server, or download the video and analyse the file.')],
];

/** The user's error for a YouTube failure message; `youtube_unsupported` when nothing more specific fits. */
export function explainYouTubeRefusal(message: string): OnscreenError {
  for (const [pattern, make] of RULES) if (pattern.test(message)) return make();
  return new OnscreenError(
    'youtube_unsupported',
    'This YouTube video could not be read (YouTube may have changed something). Install or update yt-dlp on the server, or download the video and analyse the file.',
  );
}
