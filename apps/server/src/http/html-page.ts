import { createHash } from 'node:crypto';
import type { Response } from 'express';

const style = `
body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
main { max-width: 28rem; margin: 15vh auto; padding: 2rem; background: #fff; border-radius: 12px;
  box-shadow: 0 2px 12px rgba(0, 0, 0, 0.08); }
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
p { margin: 0.5rem 0; }
code { background: #eef0f3; padding: 0.1rem 0.3rem; border-radius: 4px; }
a { color: #4f46e5; }
form { margin-top: 1rem; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; border: 1px solid #c5cad3; border-radius: 6px; }
button { margin-top: 1rem; font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 6px; background: #4f46e5; color: #fff; }
.error { color: #b42318; }
`;

// The page's only style is this block; the CSP allows exactly it, by hash, and no script at all.
const styleHash = createHash('sha256').update(style).digest('base64');
const csp = (formAction: string) =>
  `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action ${formAction}; frame-ancestors 'none'`;
const pageCsp = csp("'none'");
/** A form page may post to its own origin only. */
const formCsp = csp("'self'");

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small self-contained HTML page; `paragraphs` may hold `<code>` and `<a>` already escaped by the caller. */
export function sendHtmlPage(res: Response, status: number, title: string, paragraphs: string[]): void {
  sendHtmlDocument(res, status, title, paragraphs.map((p) => `<p>${p}</p>`).join('\n'), false);
}

/** The same page with `body` as given (escaped by the caller); `form` lets it post to this origin. */
export function sendHtmlDocument(res: Response, status: number, title: string, body: string, form: boolean): void {
  // Under no-referrer a browser posts a form with `Origin: null`, which the origin guard refuses;
  // same-origin still sends nothing (the link's token) to any other site.
  if (form) res.setHeader('Referrer-Policy', 'same-origin');
  res
    .status(status)
    .setHeader('Content-Security-Policy', form ? formCsp : pageCsp)
    .type('html')
    .send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)} · Parley</title><style>${style}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1>\n${body}</main></body></html>\n`,
    );
}

export { escapeHtml };
