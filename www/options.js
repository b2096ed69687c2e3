// The options panel: every renderer option, as the JS object the core reads (camelCase names
// of `Options` in src/thread.rs), kept across reloads.
import { load, save } from './storage.js';

export const DEFAULTS = {
  platform: '',
  numbering: 'none',
  titleMode: 'none',
  titleText: '',
  htmlStyle: 'classes',
  theme: 'auto',
  merge: false,
  keepMarkers: false,
  showTimes: false,
  authorOnly: false,
  includeRemoved: false,
  linkEntities: true,
};

/** The panel's choices → the core's `Options` object. */
export function toCore(choices) {
  const title = choices.titleMode === 'custom'
    ? { custom: choices.titleText || '' }
    : choices.titleMode;
  const options = {
    numbering: choices.numbering,
    keepMarkers: choices.keepMarkers,
    merge: choices.merge,
    showTimes: choices.showTimes,
    authorOnly: choices.authorOnly,
    title,
    includeRemoved: choices.includeRemoved,
    theme: choices.theme,
    htmlStyle: choices.htmlStyle,
    linkEntities: choices.linkEntities,
  };
  if (choices.platform) options.platform = choices.platform;
  return options;
}

/** Binds the form: fills it from storage, calls `onChange(choices)` on every change. */
export function bindOptions(form, onChange) {
  // On a phone the panel starts folded, below the result; it remembers being opened.
  const panel = form.closest('details');
  if (panel) {
    panel.open = load('optionsOpen', !matchMedia('(max-width: 900px)').matches);
    panel.addEventListener('toggle', () => save('optionsOpen', panel.open));
  }
  const choices = { ...DEFAULTS, ...load('options', {}) };
  const titleText = form.querySelector('.title-text');
  for (const [name, value] of Object.entries(choices)) {
    const field = form.elements.namedItem(name);
    if (!field) continue;
    if (field.type === 'checkbox') field.checked = Boolean(value);
    else field.value = String(value);
  }
  titleText.hidden = choices.titleMode !== 'custom';
  const read = () => {
    for (const name of Object.keys(DEFAULTS)) {
      const field = form.elements.namedItem(name);
      if (!field) continue;
      choices[name] = field.type === 'checkbox' ? field.checked : field.value;
    }
    titleText.hidden = choices.titleMode !== 'custom';
    save('options', choices);
    onChange({ ...choices });
  };
  form.addEventListener('change', read);
  form.addEventListener('input', (e) => { if (e.target.type === 'text') read(); });
  form.addEventListener('submit', (e) => e.preventDefault());
  return { ...choices };
}
