/** Who an edit is by: the calling token, and whom it says it acts for (the body's field, else the header). */
import type { Actor } from '../../../shared/src/actor.js';
import { actorOf } from '../services/caller.js';
import type { RequestContext } from './router.js';

export function actor({ caller, body, onBehalfOf }: RequestContext<{ onBehalfOf?: string | undefined; by?: string | undefined }>): Actor {
  return actorOf(caller, body.onBehalfOf ?? body.by ?? onBehalfOf);
}
