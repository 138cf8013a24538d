/** The background worker: wires the message router, the job watcher and notifications. */
import { onRuntimeMessage, openPopupWindow } from '../browser.js';
import { createHandlers } from './handlers.js';
import { startJobWatcher } from './job-watcher.js';
import { onJobNotificationClick } from './notifications.js';
import { createRouter } from './router.js';

const route = createRouter(createHandlers());
onRuntimeMessage((message, sender) => route(message, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url }));
startJobWatcher();
onJobNotificationClick((jobId) => void openPopupWindow(`popup.html?job=${encodeURIComponent(jobId)}`));
