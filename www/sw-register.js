// Registers the service worker (sw.js) so the page works offline after the first visit.
// Not on file:// (dist/unspool.html drops this script anyway) and never fatal: the page works
// without it. `updateViaCache: 'none'` makes the browser check sw.js and pkg/precache.js for a
// new version on each visit, past the HTTP cache.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker
    .register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' })
    .then(() => { document.documentElement.dataset.offline = 'ready'; })
    .catch((e) => console.warn('unspool: offline use is not available:', e.message));
}
