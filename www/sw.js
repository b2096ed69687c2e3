// The service worker: after one visit the page works with no network at all.
//
// pkg/precache.js (written by tools/precache.mjs at build time) names the page's files and a
// version hashed from their contents. Install caches every file in `unspool-<version>`;
// activate deletes every other `unspool-` cache, so an update replaces the old files in one
// step. A new version waits, as service workers do, until no tab runs the old one: a page
// never mixes files from two builds. Requests are answered from the cache first; anything not
// precached goes to the network untouched.
importScripts('./pkg/precache.js');

const { version, files } = self.UNSPOOL_PRECACHE;
const CACHE = `unspool-${version}`;
const PREFIX = 'unspool-';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload` bypasses the HTTP cache: the files must be this version's.
    await cache.addAll(files.map((f) => new Request(f, { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // './' is precached, so the folder's URL is answered like index.html.
    return (await cache.match(req, { ignoreSearch: true })) ?? fetch(req);
  })());
});

// The page may ask a waiting version to take over (sw-register.js does not, by default).
self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});
