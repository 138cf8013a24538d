/** The content script on YouTube: runs the features, again after each in-page navigation. */
import { FEATURES } from '../features/index.js';
import { runFeatures, youtubeEnvironment } from './navigation.js';

runFeatures(FEATURES, youtubeEnvironment(document));
