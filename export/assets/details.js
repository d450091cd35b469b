/* The exported HTML's details panel: a click on a place, its label or a link shows that feature's
   details (JCM_DETAILS: feature id -> html-escaped HTML, built on the server) in a small panel.
   Loaded before the map script, so the hook sees every GeoJSON layer the map creates. */
(function () {
  var panel = null;
  function show(id) {
    var body = JCM_DETAILS[id];
    if (body === undefined) { return; }
    if (!panel) {
      panel = document.createElement('aside');
      panel.className = 'jcm-details';
      panel.setAttribute('role', 'dialog');
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'jcm-close';
      close.textContent = '\u00d7';
      close.setAttribute('aria-label', JCM_CLOSE);
      close.onclick = function () { panel.hidden = true; };
      panel.appendChild(close);
      panel.appendChild(document.createElement('div'));
      document.body.appendChild(panel);
    }
    panel.dataset.id = id;
    panel.lastChild.innerHTML = body;
    panel.hidden = false;
  }
  L.GeoJSON.addInitHook(function () {
    this.on('click', function (e) {
      var f = e.layer && e.layer.feature;
      if (f && f.properties && f.properties.id) { show(f.properties.id); }
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && panel) { panel.hidden = true; }
  });
})();
