/** The route table: every endpoint the server answers, in one list (and so in the OpenAPI document). */
import { adminRoutes } from './admin.routes.js';
import type { ApiContext } from './context.js';
import { channelsRoutes } from './channels.routes.js';
import { collectionsRoutes } from './collections.routes.js';
import { jobsRoutes } from './jobs.routes.js';
import { libraryRoutes } from './library.routes.js';
import { linksRoutes } from './links.routes.js';
import { pagesRoutes } from './pages.routes.js';
import { peopleRoutes } from './people.routes.js';
import { reportsRoutes } from './reports.routes.js';
import { sharesRoutes } from './shares.routes.js';
import type { AnyRoute } from './router.js';
import { systemRoutes } from './system.routes.js';
import { uploadsRoutes } from './uploads.routes.js';
import { videoRoutes } from './video.routes.js';

export function buildRoutes(context: ApiContext, openApi: () => unknown): AnyRoute[] {
  return [
    ...systemRoutes(context, openApi),
    ...jobsRoutes(context),
    ...linksRoutes(context),
    ...peopleRoutes(context),
    ...reportsRoutes(context),
    ...collectionsRoutes(context),
    ...channelsRoutes(context),
    ...libraryRoutes(context),
    ...sharesRoutes(context),
    ...adminRoutes(context),
    ...uploadsRoutes(context),
    ...videoRoutes(context),
    ...pagesRoutes(context),
  ];
}
