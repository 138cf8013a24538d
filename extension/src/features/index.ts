/** Every content feature; a meta-test checks that each file in this folder is listed here. */
import type { Feature } from '../content/feature.js';
import { analyzeButton } from './analyze-button.js';
import { pageChannel } from './page-channel.js';
import { showMeSeek } from './show-me-seek.js';
import { timelineStrip } from './timeline-strip.js';

export const FEATURES: readonly Feature[] = [analyzeButton, timelineStrip, showMeSeek, pageChannel];
