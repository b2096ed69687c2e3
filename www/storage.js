// The draft and the choices, kept in this browser's localStorage (never sent anywhere).
// Every call survives a browser that refuses storage (private mode, full quota).
const PREFIX = 'unspool:';

/** The stored value of `key` (parsed JSON), or `fallback`. */
export function load(key, fallback) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON; false when the browser refused (the page keeps working). */
export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Forgets `key`. */
export function forget(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** `fn`, called `ms` after the last call (`ms` a number, or a function read at each call). */
export function debounce(fn, ms) {
  let timer = 0;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = 0; fn(); }, typeof ms === 'function' ? ms() : ms);
  };
  /** Runs now if a call is pending. */
  run.flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = 0;
    fn();
  };
  /** Drops a pending call. */
  run.cancel = () => {
    clearTimeout(timer);
    timer = 0;
  };
  return run;
}
