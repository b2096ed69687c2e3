// A classic script, so it runs where app.js (a module) cannot: it says why the page does not
// work instead of leaving it blank. It never touches the network.
(function () {
  var status = document.getElementById('status');
  function say(message) {
    if (!status || document.body.getAttribute('data-ready')) return;
    status.textContent = message;
    status.className = 'status error';
  }
  if (!('noModule' in HTMLScriptElement.prototype)) {
    say('This browser is too old for unspool (it cannot load JavaScript modules). Try a current Firefox, Chrome, Safari or Edge.');
    return;
  }
  setTimeout(function () {
    say('unspool is taking unusually long to start. Reload the page; if it keeps happening, try a current browser.');
  }, 20000);
}());
