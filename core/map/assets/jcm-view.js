/* Keep the map's view across Streamlit reruns, and fly to a new extent.
 *
 * st_folium re-creates the map (a new iframe) whenever the map script changes, and a click changes
 * it (the selected place is drawn highlighted): without this, every click reset zoom and centre.
 * The view is kept in the tab's sessionStorage (the iframe is same-origin) together with the key of
 * the extent the server asked for: the same extent again (a click, a language switch) restores the
 * presenter's own zoom and centre; a new one (a tour step, a filter) flies there from the old view.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};
  var STORE = 'jcm.view';

  function read() {
    try { return JSON.parse(window.sessionStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
  }

  /* How far up from the window's bottom the tour's notes reach (they grow with the step's text and
     the language); 0 when they cannot be measured (no tour, or the page is not this frame's parent). */
  function tourTop() {
    try {
      var notes = window.parent.document.querySelector('.st-key-jcm_tour, .st-key-jcm_tour_error');
      return notes ? window.parent.innerHeight - notes.getBoundingClientRect().top + 8 : 0;
    } catch (e) { return 0; }
  }

  /* opts: {key, bounds: [[s, w], [n, e]], padding, maxZoom, flySeconds, fill, reserve: {top, bottom, right}} */
  jcm.keepView = function (map, opts) {
    var p = opts.padding, fit = {padding: [p, p], maxZoom: opts.maxZoom};
    if (opts.fill) {  // the presenter view: the map is as tall as its frame, the frame as the window
      // keep the extent clear of the caption above, the tour's notes below and the details panel
      var r = opts.reserve;
      fit = {paddingTopLeft: [p, p + r.top], paddingBottomRight: [p + r.right, p + r.bottom], maxZoom: opts.maxZoom};
      map.getContainer().style.height = '100vh';
      // the timeline, the label key and the scale sit above the tour's notes, not under them
      var lowerLeft = map.getContainer().querySelector('.leaflet-bottom.leaflet-left');
      if (lowerLeft) { lowerLeft.style.bottom = Math.max(r.bottom, tourTop()) + 'px'; }
      // the details panel covers the right-hand side: the legend folds to its one-line button below it
      var legend = r.right ? map.getContainer().querySelector('.jcm-legend details') : null;
      if (legend) { legend.open = false; }
      map.invalidateSize(false);
      map.fitBounds(opts.bounds, Object.assign({animate: false}, fit));
    }
    var saved = read();
    if (saved && typeof saved.zoom === 'number') {
      map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
      if (saved.key !== opts.key) {
        map.flyToBounds(opts.bounds, Object.assign({duration: opts.flySeconds}, fit));
      }
    }
    function save() {
      var c = map.getCenter();
      try {
        window.sessionStorage.setItem(STORE, JSON.stringify({key: opts.key, lat: c.lat, lng: c.lng, zoom: map.getZoom()}));
      } catch (e) { /* storage off: the view is simply not kept */ }
    }
    map.on('moveend zoomend', save);
    save();
  };
})();
