/* The map's ground: an online tile basemap that falls back to the offline one when its tiles do
 * not load (a venue without internet), the attribution without Leaflet's flag, the scale in km.
 * Wired by core/map/basemap.py.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  /* A style function for the offline basemap: one style per feature class (property c). */
  jcm.classStyle = function (styles) {
    return function (f) { return styles[f.properties.c]; };
  };

  /* Attribution as text and links only (Leaflet 1.9 prefixes a flag icon), scale in km only, and
     the offline basemap's pane at groundZ: under an imported overlay's canvas, which Leaflet's
     overlayPane (the programme's links) would otherwise share with the basemap. */
  jcm.mapChrome = function (map, prefix, groundZ) {
    if (!map.getPane('jcmGround')) { map.createPane('jcmGround').style.zIndex = groundZ; }
    map.attributionControl.setPrefix(prefix);
    L.control.scale({metric: true, imperial: false}).addTo(map);
  };

  /* Watch tiles: when no tile has loaded after waitMs, or errors tiles failed before any
     loaded, swap it for the offline basemap and say so on the map. offline is the offline
     basemap's URL (fetched only then: it is ~300 KB) or its GeoJSON itself; options are its
     L.geoJson options; notice.text says what happened and notice.close names its close button,
     both in the reader's language (text, not HTML). */
  jcm.basemapFallback = function (map, tiles, offline, options, notice, waitMs, errors) {
    var loaded = 0, failed = 0, done = false, t0 = performance.now();
    var timer = setTimeout(function () { if (!loaded) { fallBack(); } }, waitMs);
    tiles.on('tileload', function () { loaded += 1; clearTimeout(timer); });
    tiles.on('tileerror', function () {
      failed += 1;
      if (!loaded && failed >= errors) { fallBack(); }
    });

    function fallBack() {
      if (done) { return; }
      done = true;
      clearTimeout(timer);
      map.removeLayer(tiles);
      var box = L.control({position: 'topright'});
      box.onAdd = function () {
        var div = L.DomUtil.create('div', 'jcm-fallback');
        div.setAttribute('role', 'status');
        L.DomUtil.create('span', '', div).textContent = notice.text;
        var close = L.DomUtil.create('button', 'jcm-fallback-close', div);
        close.type = 'button';
        close.textContent = '\u00D7';
        close.title = notice.close;
        close.setAttribute('aria-label', notice.close);
        L.DomEvent.on(close, 'click', function (e) { L.DomEvent.stop(e); box.remove(); });
        L.DomEvent.disableClickPropagation(div);
        return div;
      };
      box.addTo(map);
      if (jcm.dockTopRight) { jcm.dockTopRight(map); }  /* the presenter's: clear of the bar, details and caption */
      map.getContainer().setAttribute('data-basemap', 'fallback');
      /* how long the tiles were given: what the tests and a curious presenter can read */
      map.getContainer().setAttribute('data-basemap-gave-up-ms', String(Math.round(performance.now() - t0)));
      jcm.offlineBasemap(map, offline, options);
    }
  };

  /* The offline basemap under everything else: offline is its URL in the app's static folder
     (fetched from the app's own server, so the map's script stays small) or its GeoJSON itself
     (an exported page). */
  jcm.offlineBasemap = function (map, offline, options) {
    var data = typeof offline === 'string'
      ? fetch(offline).then(function (r) { return r.json(); }) : Promise.resolve(offline);
    return data.then(function (geojson) {
      L.geoJson(geojson, options).addTo(map).bringToBack();
      map.getContainer().setAttribute('data-basemap', 'offline');
    });
  };
})();
