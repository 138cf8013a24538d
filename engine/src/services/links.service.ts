/**
 * "Is this link a video?" before anything is started, for clients that must not open a public
 * thread or a job for an ordinary web page (the Slack bot): YouTube links by their shape, other
 * links by what their server says they serve. Fetching goes through the injected probe (the
 * network guard's rules apply there, as for downloads).
 */
import type { LinkCheck } from '../../../shared/src/api/types.js';
import { classifyMediaLink, classifyYouTubeLink } from '../stages/source/link-kind.js';
import { parseHttpUrl } from '../../../shared/src/http-url.js';

export interface LinksServiceDeps {
  /** Asks the server for the address's media type (HEAD, or a one-byte GET), after redirects. */
  probe(url: string): Promise<{ finalUrl: string; contentType: string | null }>;
}

export class LinksService {
  constructor(private readonly deps: LinksServiceDeps) {}

  async check(text: string): Promise<LinkCheck> {
    const url = parseHttpUrl(text).toString();
    const youtube = classifyYouTubeLink(url);
    if (youtube) return youtube;
    const probed = await this.deps.probe(url);
    return classifyMediaLink(probed.finalUrl, probed.contentType);
  }
}
