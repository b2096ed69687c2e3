// The page's colour theme: follows prefers-color-scheme until the person picks one.
import { load, save } from './storage.js';

const ORDER = ['auto', 'light', 'dark'];
const ICON = { auto: '◐', light: '☀', dark: '☾' };
const LABEL = { auto: 'Theme: auto', light: 'Theme: light', dark: 'Theme: dark' };

/** The theme in effect: `light` or `dark`. */
export function effectiveTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Binds the switch; `onChange()` runs when the theme in effect changes. */
export function bindTheme(button, onChange) {
  let theme = load('theme', 'auto');
  const apply = () => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICON[theme];
    const name = document.createElement('span');
    name.className = 'theme-name';
    name.textContent = ` ${LABEL[theme]}`;
    button.replaceChildren(icon, name);
    button.title = 'Switch between the system’s theme, light and dark';
  };
  if (!ORDER.includes(theme)) theme = 'auto';
  apply();
  button.addEventListener('click', () => {
    theme = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
    save('theme', theme);
    apply();
    onChange();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', onChange);
}
