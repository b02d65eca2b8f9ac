/* Nordstads stad: meny, kakor, "Hjälpte informationen dig?" och Lyssna. Ingen spårning. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function hasConsent() { return /(^|;\s*)consent=(necessary|all)/.test(document.cookie); }
  ready(function () {
    var toggle = document.querySelector('.menu-toggle');
    if (toggle) {
      var nav = document.getElementById(toggle.getAttribute('aria-controls'));
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        nav.classList.toggle('is-open', !open);
      });
    }
    var banner = document.getElementById('kakbanner');
    if (banner) {
      if (hasConsent()) { banner.hidden = true; }
      Array.prototype.forEach.call(banner.querySelectorAll('[data-consent]'), function (button) {
        button.addEventListener('click', function () {
          document.cookie = 'consent=' + button.getAttribute('data-consent') + '; path=/; max-age=31536000; SameSite=Lax';
          banner.hidden = true;
        });
      });
      Array.prototype.forEach.call(document.querySelectorAll('[data-consent-reset]'), function (button) {
        button.addEventListener('click', function () {
          document.cookie = 'consent=; path=/; max-age=0; SameSite=Lax';
          banner.hidden = false;
          var first = banner.querySelector('button');
          if (first) { first.focus(); }
        });
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll('.page-feedback'), function (box) {
      Array.prototype.forEach.call(box.querySelectorAll('button[data-svar]'), function (button) {
        button.addEventListener('click', function () {
          box.querySelector('.buttons').hidden = true;
          var thanks = box.querySelector('.thanks');
          thanks.hidden = false;
          thanks.textContent = button.getAttribute('data-svar') === 'ja'
            ? 'Tack för ditt svar!'
            : 'Tack för ditt svar! Vill du berätta vad som saknades? Skriv till oss via Synpunkter och klagomål.';
        });
      });
    });
    var listen = document.getElementById('lyssna');
    if (listen) {
      if (!('speechSynthesis' in window)) { listen.hidden = true; return; }
      listen.addEventListener('click', function () {
        if (listen.getAttribute('aria-pressed') === 'true') {
          window.speechSynthesis.cancel();
          listen.setAttribute('aria-pressed', 'false');
          return;
        }
        var main = document.querySelector('main');
        var utterance = new SpeechSynthesisUtterance(main ? main.innerText : document.body.innerText);
        utterance.lang = document.documentElement.lang === 'sv' ? 'sv-SE' : document.documentElement.lang;
        utterance.onend = function () { listen.setAttribute('aria-pressed', 'false'); };
        listen.setAttribute('aria-pressed', 'true');
        window.speechSynthesis.speak(utterance);
      });
    }
  });
})();
