import { render } from 'preact';
import { OptionsApp } from './OptionsApp.js';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
