// Getting a thread in: paste (using the clipboard's text/html flavour when it has one), drop a
// file, or open one. Rich HTML is turned into text by the Rust core (pasteHtml), which also
// returns the links the text would lose.

/**
 * Wires `textarea`, the `file` input and drops on `zone`.
 * `core.pasteHtml(html)` → {text, links}; `onText(text, links, how)` inserts and reformats.
 */
export function bindPaste({ textarea, file, zone, core, onInsert, onReplace }) {
  textarea.addEventListener('paste', (e) => {
    const html = e.clipboardData?.getData('text/html');
    if (!html) return; // The browser pastes plain text itself.
    let pasted;
    try {
      pasted = core.pasteHtml(html);
    } catch {
      return;
    }
    if (!pasted.text) return;
    e.preventDefault();
    insertAtCaret(textarea, pasted.text);
    onInsert(pasted.links, 'rich');
  });

  const readFile = async (f) => {
    if (!f) return;
    const body = await f.text();
    const isHtml = /\.html?$/i.test(f.name) || f.type === 'text/html';
    if (isHtml) {
      const pasted = core.pasteHtml(body);
      onReplace(pasted.text, pasted.links, f.name);
    } else {
      onReplace(body, [], f.name);
    }
  };
  file.addEventListener('change', () => {
    readFile(file.files?.[0]);
    file.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    zone.classList.add('dropping');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropping'));
  zone.addEventListener('drop', (e) => {
    zone.classList.remove('dropping');
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    e.preventDefault();
    readFile(f);
  });
}

/** Replaces the selection with `text`, keeping undo where the browser supports it. */
function insertAtCaret(textarea, text) {
  textarea.focus();
  // execCommand keeps the browser's undo stack; setRangeText is the fallback.
  if (!document.execCommand?.('insertText', false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
