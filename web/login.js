/* global document, window, URLSearchParams */
// Shows the failure notice after a rejected key (the server redirects with ?login=failed).
if (new URLSearchParams(window.location.search).get('login') === 'failed') {
  document.getElementById('failed').hidden = false;
}
