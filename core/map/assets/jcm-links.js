/* The links (core/map/links.py): halo, line and the paths that take clicks, restyled for a
 * selection at once; their ends moved with the markers the label layout fans out; a link's id
 * split into its two places.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  /* The links, in group: for each, a white halo, the coloured line (category colour and dash), a
     wide transparent path that takes clicks and the tooltip (o.hit px: a click near the line lands
     on it) and, above all wide paths, a transparent path as wide as the line. Markers and labels
     stay above the links and keep their clicks. When something is selected (o.dim), the links not
     involved fade and each selected link shows its agreement year at its middle. o.canvas draws
     them on a canvas (thousands of links). Returns the clickable layer; its jcmSelect(isSel)
     restyles them for another selection at once (a click, before the server answers). */
  jcm.linkLayer = function (group, data, o) {
    var map = group._map, chosen = null;  /* chosen: a feature -> selected? function, after jcmSelect */
    function selected(f) { return chosen ? chosen(f) : !!f.properties.sel; }
    function look(f) {
      var s = Object.assign({weight: o.weight, opacity: 0.95, lineCap: 'round'}, o.styles[f.properties.cat] || o.unknown);
      if (selected(f)) { s.weight = o.weight + o.selExtra; s.opacity = 1; }
      else if (chosen || o.dim) { s.opacity = o.faded; }
      return s;
    }
    function haloLook(f) {
      var s = look(f);
      return {color: o.haloColor, weight: s.weight + 2 * o.halo, opacity: s.opacity, lineCap: 'round'};
    }
    function hit() {
      return {color: '#000', opacity: 0, weight: o.hit, lineCap: 'round', className: 'jcm-hit'};
    }
    function coreLook(f) { return Object.assign(hit(), {weight: look(f).weight}); }
    if (!map.getPane('jcmLinkCore')) { map.createPane('jcmLinkCore').style.zIndex = 401; }
    var below = o.canvas ? L.canvas() : undefined, above = o.canvas ? L.canvas({pane: 'jcmLinkCore'}) : undefined;
    if (o.canvas) { jcm.whenGone(group, function () { below.remove(); above.remove(); }); }  /* their canvases */
    var halo = L.geoJson(data, {interactive: false, style: haloLook, renderer: below}).addTo(group);
    var line = L.geoJson(data, {interactive: false, style: look, renderer: below}).addTo(group);
    group.jcmYearTags = [];  /* jcm-labels.js keeps labels clear of them, and the selected place's name */
    data.features.forEach(function (f) {
      if (!f.properties.sel || f.properties.y === undefined) { return; }
      var c = f.geometry.coordinates, mid = c[Math.floor(c.length / 2)];
      var tag = L.marker([mid[1], mid[0]], {interactive: false, keyboard: false, zIndexOffset: 3000,
        icon: L.divIcon({className: 'jcm-mk', iconSize: [0, 0],
                         html: '<div class="jcm-yr">' + (+f.properties.y) + '</div>'})}).addTo(group);
      group.jcmYearTags.push(tag);
    });
    var clickable = L.geoJson(data, {style: hit, renderer: below});
    /* The line itself, as wide as drawn, in a pane above every wide hit path: a click on a link's
       own line selects it even where a neighbour's hit path (drawn later) overlaps it (two links
       a few px apart). Its clicks and hovers reach the clickable layer (tooltip, click report). */
    var core = L.geoJson(data, {pane: 'jcmLinkCore', style: coreLook, renderer: above}).addTo(group);
    core.addEventParent(clickable);
    clickable.jcmParts = [halo, line, core];  /* drawn with it: the timeline hides a link's every part */
    group.jcmLinks = clickable;  /* jcm-labels.js moves their ends with the markers it fans out */
    clickable.jcmSelect = function (isSel) {
      chosen = isSel;
      halo.setStyle(haloLook);
      line.setStyle(look);
      core.setStyle(coreLook);
    };
    return clickable;
  };

  /* Ends each link (every part of the clickable layer links, on map) at its places' markers moved by
     moved[key] = [dx, dy] screen px (markers fanned out where they coincide): the offset fades
     along the line from each end, so the curve stays whole. Links drawn where their places are
     (both offsets 0, never moved before) are left alone: thousands of links cost nothing. */
  jcm.moveLinkEnds = function (map, links, moved) {
    var zoom = map.getZoom();
    [links].concat(links.jcmParts || []).forEach(function (layer) {
      layer.eachLayer(function (l) {
        var ends = jcm.linkEnds(l.feature.properties.id), a = moved[ends[0]] || [0, 0], b = moved[ends[1]] || [0, 0];
        if (!l.jcmHome && !(a[0] || a[1] || b[0] || b[1])) { return; }
        l.jcmHome = l.jcmHome || l.getLatLngs().slice();
        var n = l.jcmHome.length - 1;
        l.setLatLngs(l.jcmHome.map(function (ll, i) {
          var t = n ? i / n : 0, p = map.project(ll, zoom);
          return map.unproject([p.x + a[0] * (1 - t) + b[0] * t, p.y + a[1] * (1 - t) + b[1] * t], zoom);
        }));
      });
    });
  };

  /* "link:<japan>–<china>" -> ["<japan>", "<china>"] */
  jcm.linkEnds = function (id) { return jcm.keyOf(id, 'link').split('\u2013'); };
})();
