/* The programme map's browser side: what core/map/elements.py wires data to.
 *
 * Data arrives as GeoJSON feature properties (see core/map/features.py). Every text in them is
 * html-escaped in Python; every other value is a number or an id Python computed. Nothing here
 * builds code from data, and no template literal is used.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};  /* other assets add to it too */

  /* Set the sizes and colours the stylesheet reads (core/map/style.py css_vars). */
  jcm.styleVars = function (map, vars) {
    var style = map.getContainer().style;
    for (var name in vars) { style.setProperty(name, vars[name]); }
  };

  /* The links: for each, a white halo, the coloured line (category colour and dash), a wide
     transparent path that takes clicks and the tooltip (o.hit px: a click near the line lands
     on it) and, above all wide paths, a transparent path as wide as the line. Markers and labels stay above the links and keep their clicks. When something is selected (o.dim), the links not involved fade and each selected link
     shows its agreement year at its middle. Returns the clickable layer. */
  jcm.linkLayer = function (map, data, o) {
    function look(f) {
      var s = Object.assign({weight: o.weight, opacity: 0.95, lineCap: 'round'}, o.styles[f.properties.cat] || o.unknown);
      if (f.properties.sel) { s.weight = o.weight + o.selExtra; s.opacity = 1; }
      else if (o.dim) { s.opacity = o.faded; }
      return s;
    }
    function hit() {
      return {color: '#000', opacity: 0, weight: o.hit, lineCap: 'round', className: 'jcm-hit'};
    }
    var halo = L.geoJson(data, {interactive: false, style: function (f) {
      var s = look(f);
      return {color: o.haloColor, weight: s.weight + 2 * o.halo, opacity: s.opacity, lineCap: 'round'};
    }}).addTo(map);
    var line = L.geoJson(data, {interactive: false, style: look}).addTo(map);
    data.features.forEach(function (f) {
      if (!f.properties.sel || f.properties.y === undefined) { return; }
      var c = f.geometry.coordinates, mid = c[Math.floor(c.length / 2)];
      L.marker([mid[1], mid[0]], {interactive: false, keyboard: false, zIndexOffset: 3000,
        icon: L.divIcon({className: 'jcm-mk', iconSize: [0, 0],
                         html: '<div class="jcm-yr">' + (+f.properties.y) + '</div>'})}).addTo(map);
    });
    var clickable = L.geoJson(data, {style: hit});
    /* The line itself, as wide as drawn, in a pane above every wide hit path: a click on a link's
       own line selects it even where a neighbour's hit path (drawn later) overlaps it (two links
       a few px apart). Its clicks and hovers reach the clickable layer (tooltip, click report). */
    if (!map.getPane('jcmLinkCore')) { map.createPane('jcmLinkCore').style.zIndex = 401; }
    var core = L.geoJson(data, {pane: 'jcmLinkCore', style: function (f) {
      return Object.assign(hit(), {weight: look(f).weight});
    }}).addTo(map);
    core.addEventParent(clickable);
    clickable.jcmParts = [halo, line, core];  /* drawn with it: the timeline hides a link's every part */
    return clickable;
  };

  /* A style function for the offline basemap: one style per feature class (property c). */
  jcm.classStyle = function (styles) {
    return function (f) { return styles[f.properties.c]; };
  };

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
          var el = marker._icon.firstChild, id = f.properties.id;
          if (el && id.indexOf('place:') === 0) { el.setAttribute('data-place', id.slice('place:'.length)); }
        });
        return marker;
      }
    });
  };

  /* A tooltip showing the feature's html-escaped tip property, set as innerHTML of a div (as
     folium's GeoJsonTooltip does), never through a template literal. */
  jcm.bindTip = function (layer, options) {
    layer.bindTooltip(function (l) {
      var div = L.DomUtil.create('div');
      div.innerHTML = l.feature.properties.tip;
      return div;
    }, options);
  };

  /* The legend control, bottom right. A narrow map (a projector at 1280 px with the sidebar open)
     starts with the legend folded, so that it hides no label; one click unfolds it. */
  jcm.legend = function (map, html, narrowPx) {
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function () {
      var div = L.DomUtil.create('div', 'jcm-legend');
      div.innerHTML = html;
      var details = div.querySelector('details');
      if (details && map.getSize().x < narrowPx) { details.open = false; }
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return legend.addTo(map);
  };
})();
