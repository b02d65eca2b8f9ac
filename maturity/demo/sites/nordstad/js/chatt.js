/* Liten lokal chatt-widget: öppnar en panel och svarar med ett förinspelat meddelande. */
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var panel = document.getElementById('chatt-panel');
    if (!panel) { return; }
    var openers = document.querySelectorAll('[data-chatt-oppna]');
    var log = panel.querySelector('.chat-log');
    var form = panel.querySelector('form');
    var input = panel.querySelector('input');
    function setOpen(open) {
      panel.hidden = !open;
      Array.prototype.forEach.call(openers, function (b) { b.setAttribute('aria-expanded', String(open)); });
      if (open) { input.focus(); }
    }
    Array.prototype.forEach.call(openers, function (b) {
      b.addEventListener('click', function () { setOpen(panel.hidden); });
    });
    panel.querySelector('.chat-close').addEventListener('click', function () { setOpen(false); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      var mine = document.createElement('p');
      mine.textContent = 'Du: ' + text;
      log.appendChild(mine);
      input.value = '';
      window.setTimeout(function () {
        var reply = document.createElement('p');
        reply.textContent = panel.getAttribute('data-svar');
        log.appendChild(reply);
      }, 400);
    });
  });
})();
