// Getting the article out: copy (rich and plain flavours together) and download.

/** Copies `html` and `text` as one clipboard item, so a rich editor keeps the formatting. */
export async function copyRich(html, text) {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    // Older browsers: the plain flavour is better than nothing.
    await navigator.clipboard.writeText(text);
    return 'text';
  }
  const item = new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([text], { type: 'text/plain' }),
  });
  await navigator.clipboard.write([item]);
  return 'both';
}

/** Copies plain text. */
export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}

const FILES = {
  html: { ext: 'html', type: 'text/html;charset=utf-8' },
  markdown: { ext: 'md', type: 'text/markdown;charset=utf-8' },
  text: { ext: 'txt', type: 'text/plain;charset=utf-8' },
  json: { ext: 'json', type: 'application/json;charset=utf-8' },
};

/** A standalone HTML document around the article (with its stylesheet when class-based). */
export function htmlDocument(article, title, css) {
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${css ? `<style>\n${css}</style>\n` : ''}</head>
<body>
${article}</body>
</html>
`;
}

/** Saves `content` as `name.<ext>` for `kind` (html, markdown, text, json). */
export function download(kind, content, name = 'thread') {
  const { ext, type } = FILES[kind];
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.${ext}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
