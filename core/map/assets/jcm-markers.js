/* The places' markers and labels as DivIcon markers (core/map/markers.py). Texts (p.t) are
 * html-escaped in Python; ids are set as attributes, never parsed.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  function divIcon(html) {
    return L.divIcon({className: 'jcm-mk', iconSize: [0, 0], html: html});
  }

  /* A place's marker: its shape (jcm-labels.js moves it where places coincide). */
  jcm.placeIcon = function (f) {
    var p = f.properties;
    return divIcon('<div class="jcm-s jcm-' + p.shape + (p.sel ? ' jcm-sel' : '') + (p.chg ? ' jcm-chg' : '') + '"></div>');
  };

  /* A place's label, hidden until jcm-labels.js places it: its text (p.t, html-escaped in
     Python) and the number it shows as a badge where the text has no room. */
  jcm.labelIcon = function (f) {
    var p = f.properties;
    return divIcon('<div class="jcm-lb' + (p.sel ? ' jcm-sel' : '') + '" data-role="label" style="visibility:hidden">' +
      '<span class="jcm-t">' + p.t + '</span><span class="jcm-n"></span></div>');
  };

  /* Points as DivIcon markers drawn by icon(feature). A place's marker and label carry
     data-place="<key>" (set as an attribute, never parsed). Selected features come to the front. */
  jcm.iconLayer = function (data, icon, zOffset) {
    return L.geoJson(data, {
      pointToLayer: function (f, latlng) {
        // A ring lies under the city it surrounds, selected or not: the city stays clickable.
        var ring = /_ring$/.test(f.properties.shape || '');
        var marker = L.marker(latlng, {keyboard: false, icon: icon(f),
                                       zIndexOffset: zOffset + (ring ? -1500 : (f.properties.sel ? 1000 : 0))});
        marker.on('add', function () {
          var el = marker._icon.firstChild, key = jcm.keyOf(f.properties.id, 'place');
          if (el && key !== null) { el.setAttribute('data-place', key); }
        });
        return marker;
      }
    });
  };
})();
