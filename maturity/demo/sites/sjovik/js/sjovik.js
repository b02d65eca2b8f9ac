// cookies
function cookieOk() {
  document.cookie = "cookies_ok=1; path=/";
  document.getElementById("cookie").style.display = "none";
}
window.onload = function () {
  if (document.cookie.indexOf("cookies_ok=1") > -1) { document.getElementById("cookie").style.display = "none"; }
  document.getElementById("cookie-ok").onclick = cookieOk;
};
