/* The map's view: kept when the map is re-created, framed and flown by the dynamic part.
 *
 * The map is created once per page (its script is static) and its dynamic part is replaced on each
 * rerun (core/map/elements.py). jcm.keepView (static) restores the zoom and centre kept in the
 * tab's sessionStorage when the map IS re-created (back from another page, another language) and
 * saves them on every move, with the key of the extent they were framed on. jcm.frame (dynamic)
 * frames the extent the server asked for: the same extent again (a click, the year slider, a
 * language switch) leaves the presenter's own zoom and centre alone; a new one (a tour step, a
 * filter) flies there from the current view.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};
  var STORE = 'jcm.view';

  function read() {
    try { return JSON.parse(window.sessionStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
  }

  function save(map) {
    var c = map.getCenter();
    try {
      window.sessionStorage.setItem(STORE, JSON.stringify({key: map.jcmViewKey, lat: c.lat, lng: c.lng, zoom: map.getZoom()}));
    } catch (e) { /* storage off: the view is simply not kept */ }
  }

  /* How far up from the window's bottom the tour's notes reach (they grow with the step's text and
     the language); 0 when they cannot be measured (no tour, or the page is not this frame's parent). */
  function tourTop() {
    try {
      var notes = window.parent.document.querySelector('.st-key-jcm_tour, .st-key-jcm_tour_error');
      return notes ? window.parent.innerHeight - notes.getBoundingClientRect().top + 8 : 0;
    } catch (e) { return 0; }
  }

  /* Static. opts: {fill}: the presenter view, where the map is as tall as its frame, the frame as the window. */
  jcm.keepView = function (map, opts) {
    if (opts.fill) {
      map.getContainer().style.height = '100vh';
      map.invalidateSize(false);
    }
    var saved = read();
    if (saved && typeof saved.zoom === 'number') {
      map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
      map.jcmSaved = saved;
    }
    map.on('moveend zoomend', function () { save(map); });
  };

  /* Dynamic. opts: {key, bounds: [[s, w], [n, e]], padding, maxZoom, flySeconds, fill, reserve: {top, bottom, right}} */
  jcm.frame = function (group, opts) {
    var map = group._map, p = opts.padding, fit = {padding: [p, p], maxZoom: opts.maxZoom};
    if (opts.fill) {  // keep the extent clear of the caption above, the tour's notes below and the details panel
      var r = opts.reserve;
      fit = {paddingTopLeft: [p, p + r.top], paddingBottomRight: [p + r.right, p + r.bottom], maxZoom: opts.maxZoom};
      // the timeline, the label key and the scale sit above the tour's notes, not under them; the
      // notes of a new step are drawn just after the map's update: measured again once they are
      // (the labels are laid out again around them: jcm-labels.js listens for 'jcmcontrolsmoved')
      var lift = function () {
        var lowerLeft = map.getContainer().querySelector('.leaflet-bottom.leaflet-left');
        var bottom = Math.max(r.bottom, tourTop()) + 'px';
        if (lowerLeft && group._map && lowerLeft.style.bottom !== bottom) {
          lowerLeft.style.bottom = bottom;
          map.fire('jcmcontrolsmoved');
        }
      };
      lift();
      [150, 600].forEach(function (ms) { setTimeout(lift, ms); });
      // the details panel covers the right-hand side: the legend folds to its one-line button below it
      var legend = r.right ? map.getContainer().querySelector('.jcm-legend details') : null;
      if (legend) { legend.open = false; }
    }
    // the extent this map was framed on last: none yet in this frame, then the kept view's
    var known = map.jcmViewKey;
    if (known === undefined) {
      known = map.jcmSaved ? map.jcmSaved.key : null;
      if (!map.jcmSaved) { map.fitBounds(opts.bounds, Object.assign({animate: false}, fit)); }
    }
    map.jcmViewKey = opts.key;
    if (known !== null && known !== opts.key) {
      map.flyToBounds(opts.bounds, Object.assign({duration: opts.flySeconds}, fit));
    }
    save(map);
  };
})();
