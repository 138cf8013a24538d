/**
 * The Content-Security-Policy of report.html (issue 10). The page is self-contained: inline CSS,
 * charts and thumbnails as data: URIs, no script, no form, no outside request. The policy allows
 * exactly that, so even a name typed into a tag that slipped past escaping could run nothing.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');
