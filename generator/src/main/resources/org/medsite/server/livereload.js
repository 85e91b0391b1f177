// Medsite dev server: reloads the page after a rebuild, swaps changed stylesheets in place, and shows
// build errors over the page until the next good save. Served only by `medsite serve`.
(function () {
  'use strict';
  var OVERLAY_ID = 'medsite-error-overlay';
  var source = new EventSource('/__medsite/events');

  source.addEventListener('reload', function () {
    window.location.reload();
  });

  source.addEventListener('css', function (event) {
    var changed = JSON.parse(event.data).files || [];
    removeOverlay();
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var swapped = 0;
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) {
        continue;
      }
      for (var j = 0; j < changed.length; j++) {
        if (url.pathname === '/' + changed[j]) {
          swap(link, url);
          swapped++;
        }
      }
    }
    if (swapped === 0) {
      window.location.reload();
    }
  });

  source.addEventListener('errors', function (event) {
    showOverlay(JSON.parse(event.data).findings || []);
  });

  // A new <link> loads before the old one goes, so the page never shows unstyled.
  function swap(link, url) {
    url.searchParams.set('medsite', String(Date.now()));
    var fresh = link.cloneNode(false);
    fresh.href = url.pathname + url.search;
    fresh.addEventListener('load', function () { link.remove(); });
    fresh.addEventListener('error', function () { link.remove(); });
    link.after(fresh);
  }

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) {
      old.remove();
    }
  }

  // Built with textContent only: a message quotes the site's own text and must never become markup.
  function showOverlay(findings) {
    removeOverlay();
    var overlay = document.createElement('div');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-labelledby', OVERLAY_ID + '-title');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;'
      + 'background:rgba(20,20,24,.94);color:#f5f5f5;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;';
    var title = document.createElement('h2');
    title.id = OVERLAY_ID + '-title';
    title.textContent = 'Medsite: the site has ' + findings.length + (findings.length === 1 ? ' error' : ' errors')
      + '; fix and save to reload';
    title.style.cssText = 'margin:0 0 1rem;font-size:1.2rem;color:#ff8a80;';
    overlay.appendChild(title);
    var list = document.createElement('ul');
    list.style.cssText = 'list-style:none;margin:0;padding:0;';
    findings.forEach(function (f) {
      var item = document.createElement('li');
      item.style.cssText = 'margin:0 0 .8rem;';
      var where = document.createElement('div');
      where.className = 'medsite-error-location';
      where.textContent = (f.file || '(site)') + (f.line > 0 ? ':' + f.line : '');
      where.style.cssText = 'color:#80cbc4;';
      var message = document.createElement('div');
      message.className = 'medsite-error-message';
      message.textContent = f.message + (f.rule ? ' [' + f.rule + ']' : '');
      item.appendChild(where);
      item.appendChild(message);
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
})();
