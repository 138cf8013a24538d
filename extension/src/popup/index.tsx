import { render } from 'preact';
import { PopupApp } from './PopupApp.js';

const root = document.getElementById('app');
if (root) render(<PopupApp jobId={new URLSearchParams(location.search).get('job')} />, root);
