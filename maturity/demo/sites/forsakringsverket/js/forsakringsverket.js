/* Försäkringsverket: kakbanner */
window.onload = function () {
  var bar = document.getElementById('cookiebar');
  if (document.cookie.indexOf('consent=') !== -1 && bar) { bar.hidden = true; }
  var buttons = document.querySelectorAll('[data-consent]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () {
      document.cookie = 'consent=' + this.getAttribute('data-consent') + '; path=/; max-age=31536000';
      if (bar) { bar.hidden = true; }
    };
  }
};
