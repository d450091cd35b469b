/* The programme map's browser side: what core/map/elements.py wires data to.
 *
 * Data arrives as GeoJSON feature properties (see core/map/features.py). Every text in them is
 * html-escaped in Python; every other value is a number or an id Python computed. Nothing here
 * builds code from data, and no template literal is used.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};  /* other assets add to it too */

  /* The dynamic part (core/map/elements.py DynamicLayer): a feature group on the map from its
     creation, so that its layers draw at once and can be measured. st_folium removes it from the
     map when the next view's part arrives; the keyboard focus moves to the same feature in it. */
  jcm.dynamicLayer = function (map) {
    var group = L.featureGroup().addTo(map), removeLayers = group.onRemove;
    group.onRemove = function (m) {  /* before its layers (and the focused one) leave the page */
      var el = document.activeElement;
      jcm.focusedId = el && el.getAttribute && el.getAttribute('data-jcm-id');
      removeLayers.call(group, m);
    };
    var drawn = +(map.getContainer().getAttribute('data-jcm-drawn') || 0) + 1;
    map.getContainer().setAttribute('data-jcm-drawn', String(drawn));  /* what tests and benchmarks wait for */
    return group;
  };

  /* Run fn when group leaves the map: what an element of the dynamic part added to the map
     itself (a control, a handler, a timer) goes with it. */
  jcm.whenGone = function (group, fn) { group.once('remove', fn); };

  /* Set the sizes and colours the stylesheet reads (core/map/style.py css_vars), and make the
     container take the focus in place. */
  jcm.styleVars = function (map, vars) {
    var style = map.getContainer().style;
    for (var name in vars) { style.setProperty(name, vars[name]); }
    focusInPlace(map.getContainer());
    keepPageStill();
  };

  /* Leaflet's keyboard handler focuses the map container on mousedown without preventScroll:
     where the map's frame reaches below the window, Chromium scrolled the page to show the whole
     frame between mousedown and mouseup, and the click was lost. The container keeps its keyboard
     handler (arrows pan, +/- zoom) and takes the focus without moving the page. */
  function focusInPlace(box) {
    var focus = box.focus;
    box.focus = function (options) { focus.call(box, Object.assign({}, options, {preventScroll: true})); };
  }

  /* Tab into the map (or any focus that reaches it) scrolled the page: Chromium scrolls the whole
     frame into view before the focus event, 132 px at 1280x720, which preventScroll cannot reach.
     The page's scroll positions (its document and every box around the frame) are noted as they
     change; when the focus enters the map they are put back as they were before it. The frame's
     own page (an export) has nothing around it. */
  function keepPageStill() {
    var frame = null;
    try { frame = window.frameElement; } catch (e) { return; }
    if (!frame || window.jcmKeepsPageStill) { return; }
    window.jcmKeepsPageStill = true;
    var doc = frame.ownerDocument, boxes = [doc.scrollingElement], before = [];
    for (var el = frame.parentElement; el; el = el.parentElement) { boxes.push(el); }
    function note() { before = boxes.map(function (b) { return [b.scrollTop, b.scrollLeft]; }); }
    function restore() {
      boxes.forEach(function (b, i) {
        if (b.scrollTop !== before[i][0] || b.scrollLeft !== before[i][1]) {
          b.scrollTop = before[i][0]; b.scrollLeft = before[i][1];
        }
      });
    }
    var still = 0;  /* frames during which a scroll of the page is the focus's own, put back */
    function scrolled() { if (still) { restore(); } else { note(); } }
    note();
    doc.addEventListener('scroll', scrolled, {capture: true, passive: true});
    window.addEventListener('pagehide', function () { doc.removeEventListener('scroll', scrolled, true); });
    document.addEventListener('focusin', function () {
      restore();
      still += 1;
      requestAnimationFrame(function () { requestAnimationFrame(function () { restore(); still -= 1; }); });
    }, true);
  }

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
    layer.on('tooltipopen', function () { if (quietAt) { layer.closeTooltip(); } });
  };

  /* Where the mouse clicked a feature: no tooltip opens again until the mouse leaves that spot
     (Chromium reports the view the click's rerun draws under a still mouse as a new hover). */
  var quietAt = null;

  /* Close every tooltip open on map (a hover's, or the one Leaflet opens on a click), and keep
     them closed while the mouse stays where it clicked (e: the click, null for a key). */
  function closeTips(map, e) {
    map.eachLayer(function (l) { if (l.getTooltip && l.getTooltip() && l.isTooltipOpen()) { l.closeTooltip(); } });
    quietAt = e && e.containerPoint ? e.containerPoint : null;
    if (quietAt && !map.jcmTipsWatched) {
      map.jcmTipsWatched = true;
      map.on('mousemove mouseout', function (m) {
        if (quietAt && (m.type === 'mouseout' || m.containerPoint.distanceTo(quietAt) > 3)) { quietAt = null; }
      });
    }
  }

  /* The legend control, bottom right (it goes with group). A narrow map (a projector at 1280 px
     with the sidebar open) starts with the legend folded, so that it hides no label; one click
     unfolds it, and it stays unfolded (or folded) when the next view's legend replaces it. */
  jcm.legend = function (group, html, narrowPx) {
    var map = group._map, legend = L.control({position: 'bottomright'});
    legend.onAdd = function () {
      var div = L.DomUtil.create('div', 'jcm-legend');
      div.innerHTML = html;
      var details = div.querySelector('details');
      if (details && (jcm.legendOpen === undefined ? map.getSize().x < narrowPx : !jcm.legendOpen)) { details.open = false; }
      var summary = details && details.querySelector('summary');  /* the presenter's own fold, not the app's */
      if (summary) { summary.addEventListener('click', function () { jcm.legendOpen = !details.open; }); }
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    jcm.whenGone(group, function () { legend.remove(); });
    return legend.addTo(map);
  };

  /* A click on a place, its label or a link (mouse, keyboard or the badge key): highlighted at
     once and sent to the app at once (core/map/elements.py Selection). The value is what
     st_folium itself would send for returned_objects ["last_active_drawing"], plus a token, and
     st_folium's own debounced report then finds nothing new to send: one click, one rerun. */
  jcm.selection = function (group, links, opts) {
    var selected = opts.selected;
    group.on('click', function (e) {
      var layer = e.sourceTarget || e.layer, f = layer && layer.feature, id = f && f.properties.id;
      closeTips(group._map, e);  /* it stayed over the new view's neighbours */
      if (typeof id !== 'string' || id === selected) { return; }
      selected = id;
      highlight(id);
      setTimeout(function () { send(id); }, 0);  /* after st_folium's own handlers of this click */
    });
    function highlight(id) {
      var place = id.indexOf('place:') === 0 ? id.slice(6) : null;
      group._map.getContainer().querySelectorAll('.jcm-sel').forEach(function (el) { el.classList.remove('jcm-sel'); });
      if (place !== null) {
        group._map.getContainer().querySelectorAll('[data-place]').forEach(function (el) {
          if (el.getAttribute('data-place') === place) { el.classList.add('jcm-sel'); }
        });
      }
      if (links) {
        links.jcmSelect(function (f) {
          return f.properties.id === id || (place !== null && jcm.linkEnds(f.properties.id).indexOf(place) >= 0);
        });
      }
    }
  };

  /* "link:<japan>–<china>" -> ["<japan>", "<china>"] */
  jcm.linkEnds = function (id) { return id.slice(5).split('\u2013'); };

  var clicks = 0;
  jcm.sendClick = send;  /* the overlay's clicks (jcm-overlay.js) go the same way */
  function send(id) {
    var data = window.__GLOBAL_DATA__, streamlit = window.Streamlit;
    if (!data || !streamlit) { return; }  /* not in st_folium (an exported page) */
    clicks += 1;
    var value = {last_active_drawing: {type: 'Feature', geometry: null,
                                       properties: {id: id, click: Date.now() + '.' + clicks}}};
    data.last_active_drawing = value.last_active_drawing;
    data.previous_data = value;
    streamlit.setComponentValue(value);
  }
})();
