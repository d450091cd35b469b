/* Tooltips (core/map/tooltip.py): a feature's html-escaped tip, and none reopened under a still
 * mouse after a click.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  /* A tooltip showing the feature's html-escaped tip property, set as innerHTML of a div (as
     folium's GeoJsonTooltip does), never through a template literal. */
  jcm.bindTip = function (layer, options) {
    layer.bindTooltip(function (l) {
      var div = L.DomUtil.create('div');
      div.innerHTML = l.feature.properties.tip;
      return div;
    }, options);
    layer.on('tooltipopen', function () { if (quietAt) { layer.closeTooltip(); } });
  };

  /* Where the mouse clicked a feature: no tooltip opens again until the mouse leaves that spot
     (Chromium reports the view the click's rerun draws under a still mouse as a new hover). */
  var quietAt = null;

  /* Close every tooltip open on map (a hover's, or the one Leaflet opens on a click), and keep
     them closed while the mouse stays where it clicked (e: the click, null for a key). */
  jcm.closeTips = function (map, e) {
    map.eachLayer(function (l) { if (l.getTooltip && l.getTooltip() && l.isTooltipOpen()) { l.closeTooltip(); } });
    quietAt = e && e.containerPoint ? e.containerPoint : null;
    if (quietAt && !map.jcmTipsWatched) {
      map.jcmTipsWatched = true;
      map.on('mousemove mouseout', function (m) {
        if (quietAt && (m.type === 'mouseout' || m.containerPoint.distanceTo(quietAt) > 3)) { quietAt = null; }
      });
    }
  };
})();
