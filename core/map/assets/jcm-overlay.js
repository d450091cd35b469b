/* The imported overlay (core/map/overlay.py): thousands of other partnerships on ONE canvas in
 * its own pane, beneath the programme's links and markers (which keep their clicks).
 *
 * The page ships endpoints, not arcs (see overlay_payload for the fields). Here each link's
 * great-circle arc is computed once (points by distance, longitudes unwrapped across the
 * antimeridian) and projected once to zoom-0 world pixels (Float32Array): a redraw after a pan or
 * zoom is one multiply-add per point, and a link outside the view costs one bbox test. During the
 * zoom animation the canvas is scaled like Leaflet's own renderers.
 * Hover: the nearest link within style.hit px (bbox prefilter, then segment distance; one test per
 * animation frame) is darkened and named in a tooltip built with textContent. Click: the layer
 * fires 'click' with a layer whose toGeoJSON() carries properties.id = "overlay:<index>", which
 * st_folium reports as last_active_drawing. Names are text: nothing here parses HTML.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};
  var WORLD = 256, RAD = Math.PI / 180, MAX_LAT = 85.0511287798;
  var DEG_PER_SEGMENT = 2, MAX_SEGMENTS = 64;

  /* The points of an arc (pts[2a..2b), world px) drawn at scale k (px per world px): each one a
     straight chord cannot stand for within TOLERANCE_PX, checked at the middle point of the chord
     (where an arc strays most). At a world view most of a 2-degree arc's points are under a pixel
     from such a chord, and rasterising the canvas, not the script, is what a redraw costs. Writes
     the indices into out; returns how many. */
  var TOLERANCE_PX = 0.4;
  function kept(pts, a, b, k, out) {
    var tol2 = TOLERANCE_PX * TOLERANCE_PX / (k * k), n = 0, from = a;
    out[n++] = a;
    for (var m = a + 1; m < b - 1; m++) {
      var mid = (from + m + 1) >> 1, ax = pts[2 * from], ay = pts[2 * from + 1];
      var dx = pts[2 * m + 2] - ax, dy = pts[2 * m + 3] - ay, ex = pts[2 * mid] - ax, ey = pts[2 * mid + 1] - ay;
      var len2 = dx * dx + dy * dy, cross = ex * dy - ey * dx;
      if (len2 === 0 ? ex * ex + ey * ey > tol2 : cross * cross > tol2 * len2) {
        out[n++] = m;
        from = m;
      }
    }
    if (b - 1 > a) { out[n++] = b - 1; }
    return n;
  }
  jcm.overlayKept = kept;

  function worldX(lon) { return (lon + 180) / 360 * WORLD; }
  function worldY(lat) {
    var s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD;
  }

  /* Every shipped link's arc as world pixels: pts (x, y flat), start[i]..start[i+1] its points,
     box[4i..4i+3] its bounds (x0, y0, x1, y1). */
  function geometry(data) {
    var ll = data.ll, links = data.links, n = links.length / 2;
    var start = new Uint32Array(n + 1), counts = new Uint16Array(n), total = 0, i;
    var vec = new Float64Array(ll.length / 2 * 3);
    for (i = 0; i < ll.length / 2; i++) {
      var la = ll[2 * i] * RAD, lo = ll[2 * i + 1] * RAD;
      vec[3 * i] = Math.cos(la) * Math.cos(lo); vec[3 * i + 1] = Math.cos(la) * Math.sin(lo); vec[3 * i + 2] = Math.sin(la);
    }
    var angles = new Float64Array(n);
    for (i = 0; i < n; i++) {
      var a = links[2 * i] * 3, b = links[2 * i + 1] * 3;  /* unit vectors of both ends */
      var dot = vec[a] * vec[b] + vec[a + 1] * vec[b + 1] + vec[a + 2] * vec[b + 2];
      angles[i] = Math.acos(Math.max(-1, Math.min(1, dot)));
      counts[i] = Math.min(MAX_SEGMENTS, Math.max(1, Math.ceil(angles[i] / RAD / DEG_PER_SEGMENT)));
      start[i] = total; total += counts[i] + 1;
    }
    start[n] = total;
    var pts = new Float32Array(total * 2), box = new Float32Array(n * 4);
    for (i = 0; i < n; i++) {
      var pa = links[2 * i], pb = links[2 * i + 1], k = counts[i], w = angles[i], sw = Math.sin(w);
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, prevLon = ll[2 * pa + 1];
      for (var j = 0; j <= k; j++) {
        var lat = ll[2 * pa], lon = ll[2 * pa + 1];
        if (j === k) { lat = ll[2 * pb]; lon = ll[2 * pb + 1]; }
        else if (j > 0 && sw > 1e-9) {  /* antipodes (sw = 0) have no one great circle: a straight line */
          var f = j / k, s1 = Math.sin((1 - f) * w) / sw, s2 = Math.sin(f * w) / sw;
          var x = s1 * vec[3 * pa] + s2 * vec[3 * pb], y = s1 * vec[3 * pa + 1] + s2 * vec[3 * pb + 1],
            z = s1 * vec[3 * pa + 2] + s2 * vec[3 * pb + 2];
          lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD; lon = Math.atan2(y, x) / RAD;
        }
        while (lon - prevLon > 180) { lon -= 360; }  /* continue across the antimeridian */
        while (lon - prevLon < -180) { lon += 360; }
        prevLon = lon;
        var px = worldX(lon), py = worldY(lat), o = 2 * (start[i] + j);
        pts[o] = px; pts[o + 1] = py;
        if (px < x0) { x0 = px; } if (px > x1) { x1 = px; }
        if (py < y0) { y0 = py; } if (py > y1) { y1 = py; }
      }
      box[4 * i] = x0; box[4 * i + 1] = y0; box[4 * i + 2] = x1; box[4 * i + 3] = y1;
    }
    return {pts: pts, start: start, box: box, n: n};
  }

  /* The one world copy (a multiple of WORLD px) that puts link i's middle nearest to the view's
     centre cx: one drawing per link (the basemap is one world), and a link across the
     antimeridian is drawn on the side being looked at. */
  function shiftFor(box, i, cx) {
    return Math.round((cx - (box[4 * i] + box[4 * i + 2]) / 2) / WORLD) * WORLD;
  }

  function segmentDistance2(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy, t = 0;
    if (len > 0) { t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)); }
    var ex = ax + t * dx - px, ey = ay + t * dy - py;
    return ex * ex + ey * ey;
  }

  /* Put the picked pair's names each on the side of its marker (right, left, above, below, then
     the diagonals) where it lies under no control and covers no programme marker (points: their
     centres, container px), so that those places keep their own labels; else where it covers
     fewest. jcm-labels.js calls it before each layout pass. */
  var SIDES = ['jcm-ov-e', 'jcm-ov-w', 'jcm-ov-n', 'jcm-ov-s', 'jcm-ov-ne', 'jcm-ov-se', 'jcm-ov-nw', 'jcm-ov-sw'];
  jcm.overlayNamesClear = function (map, points) {
    var root = map.getContainer(), c0 = root.getBoundingClientRect();
    var controls = Array.prototype.map.call(root.querySelectorAll('.leaflet-control'), function (el) { return el.getBoundingClientRect(); });
    function put(name, k) { SIDES.forEach(function (side, j) { name.classList.toggle(side, j === k); }); }
    function cost(name) {
      var b = name.getBoundingClientRect(), x0 = b.left - c0.left - 4, x1 = b.right - c0.left + 4, y0 = b.top - c0.top - 4, y1 = b.bottom - c0.top + 4;
      var under = controls.some(function (r) {
        return r.width && !(r.right <= b.left || b.right <= r.left || r.bottom <= b.top || b.bottom <= r.top);
      });
      var out = b.left < c0.left || b.right > c0.right || b.top < c0.top || b.bottom > c0.bottom;
      return (under || out ? 100 : 0) + points.filter(function (p) { return p.x > x0 && p.x < x1 && p.y > y0 && p.y < y1; }).length;
    }
    root.querySelectorAll('.jcm-ov-name').forEach(function (name) {
      var best = 0, least = Infinity;
      for (var k = 0; k < SIDES.length && least > 0; k++) {
        put(name, k);
        var c = cost(name);
        if (c < least) { least = c; best = k; }
      }
      put(name, best);
    });
  };

  var OverlayLayer = L.Layer.extend({
    initialize: function (data, style, view) {
      this._data = data;
      this._style = style;
      this._view = view;
      this._geo = null;
      this._hover = -1;
      /* each shipped link's index in the file's overlay: the excluded ones were skipped */
      var ids = new Int32Array(data.jc.length), skip = {}, next = 0;
      data.skip.forEach(function (i) { skip[i] = true; });
      for (var i = 0; i < ids.length; i++) { while (skip[next]) { next++; } ids[i] = next++; }
      this._ids = ids;
      this.drawMs = null;
    },

    getEvents: function () {
      return {moveend: this._redraw, resize: this._redraw, zoomanim: this._animateZoom,
              mousemove: this._onMove, click: this._onClick, mouseout: this._leave};
    },

    onAdd: function (map) {
      if (!map.getPane('jcmOverlay')) { map.createPane('jcmOverlay').style.zIndex = this._style.z; }
      this._canvas = L.DomUtil.create('canvas', 'jcm-overlay leaflet-zoom-animated', map.getPane('jcmOverlay'));
      this._tip = L.tooltip({className: 'jcm-overlay-tip', direction: 'top', offset: [0, -6], opacity: 1});
      this._mark = L.polyline([], L.extend({pane: 'jcmOverlay', interactive: false, lineCap: 'round'},
                                          this._style.hover));
      this._filter();
      this._redraw();
    },

    onRemove: function (map) {
      L.Util.cancelAnimFrame(this._frame);
      this._frame = null;
      L.DomUtil.remove(this._canvas);
      map.removeLayer(this._mark);
      this._markEnds(-1);
      map.closeTooltip(this._tip);
    },

    /* {show, scope: "japan_china"|"all", regions: null (no region filter) or [region indices of
       the payload] (a link with either end in one is shown), selected: link index|null}, any
       subset: filters in the browser without the data being sent again. */
    setOptions: function (view) {
      this._view = L.extend({}, this._view, view);
      this._filter();
      this._leave();
      this._redraw();
      return this;
    },

    /* The shipped links the view shows, by style (drawn faint first, Japan–China above). */
    _filter: function () {
      var v = this._view, d = this._data, regions = {}, byRegion = Array.isArray(v.regions);
      (v.regions || []).forEach(function (r) { regions[r] = true; });
      var shown = [[], []];
      if (v.show) {
        for (var i = 0; i < d.jc.length; i++) {
          var jc = d.jc[i];
          if (v.scope === 'japan_china' && !jc) { continue; }
          if (byRegion && !regions[d.rg[d.links[2 * i]]] && !regions[d.rg[d.links[2 * i + 1]]]) { continue; }
          shown[jc].push(i);
        }
      }
      this._shown = shown;
      this._selected = -1;  /* the clicked link stays darkened while the view shows it */
      for (var s = 0; s < this._ids.length && v.selected !== null && v.selected !== undefined; s++) {
        if (this._ids[s] === v.selected && shown[d.jc[s]].indexOf(s) >= 0) { this._selected = s; }
      }
      var el = this._map && this._map.getContainer();
      if (el) {  /* what the legend (jcm-overlay.css) and the tests read */
        var legend = String(!!v.show) + v.scope;
        el.setAttribute('data-overlay-shown', String(shown[0].length + shown[1].length));
        el.setAttribute('data-overlay-show', String(!!v.show));
        el.setAttribute('data-overlay-scope', v.scope);
        /* the legend's overlay block came or went: the labels are laid out again and the legend
           folds where it now covers a place (jcm-labels.js) */
        if (legend !== this._legend) { this._legend = legend; this._map.fire('jcmcontrolsmoved'); }
      }
    },

    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var t0 = performance.now();
      if (!this._geo) { this._geo = geometry(this._data); }
      var size = map.getSize(), pad = size.multiplyBy(this._style.pad).round();
      var topLeft = map.containerPointToLayerPoint([0, 0]).subtract(pad), full = size.add(pad.multiplyBy(2));
      var ratio = window.devicePixelRatio || 1, canvas = this._canvas;
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = full.x * ratio; canvas.height = full.y * ratio;
      canvas.style.width = full.x + 'px'; canvas.style.height = full.y + 'px';
      this._topLeft = map.layerPointToLatLng(topLeft);
      this._zoom = map.getZoom();
      var k = map.getZoomScale(this._zoom, 0), origin = map.getPixelOrigin().add(topLeft);
      var ctx = canvas.getContext('2d'), g = this._geo, pts = g.pts;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, full.x, full.y);
      ctx.lineCap = 'butt'; ctx.lineJoin = 'bevel';  /* the cheapest to rasterise; at 1–1.5 px they look the same */
      var vx0 = origin.x / k, vx1 = (origin.x + full.x) / k, vy0 = origin.y / k, vy1 = (origin.y + full.y) / k;
      var cx = (vx0 + vx1) / 2, idx = new Uint32Array(MAX_SEGMENTS + 1);
      for (var s = 0; s < 2; s++) {
        var st = this._style.styles[s], list = this._shown[s];
        ctx.beginPath();
        for (var n = 0; n < list.length; n++) {
          var i = list[n];
          var shift = shiftFor(g.box, i, cx);
          if (g.box[4 * i + 3] < vy0 || g.box[4 * i + 1] > vy1 || g.box[4 * i] + shift > vx1 ||
              g.box[4 * i + 2] + shift < vx0) { continue; }
          var ox = origin.x - shift * k, count = kept(pts, g.start[i], g.start[i + 1], k, idx);
          ctx.moveTo(pts[2 * idx[0]] * k - ox, pts[2 * idx[0] + 1] * k - origin.y);
          for (var p = 1; p < count; p++) { ctx.lineTo(pts[2 * idx[p]] * k - ox, pts[2 * idx[p] + 1] * k - origin.y); }
        }
        ctx.strokeStyle = st.color; ctx.globalAlpha = st.opacity; ctx.lineWidth = st.weight;
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      this._markLink(this._hover >= 0 ? this._hover : this._selected);
      this._markEnds(this._selected);
      this.drawMs = performance.now() - t0;
      if (!this._drawn) {
        this._drawn = true;
        if (window.performance && performance.mark) { performance.mark('jcm-overlay-drawn'); }
        map.getContainer().setAttribute('data-overlay', 'drawn');
      }
    },

    /* Scale and move the canvas with Leaflet's zoom animation (as L.Renderer does); redrawn at moveend. */
    _animateZoom: function (e) {
      if (!this._topLeft) { return; }
      var scale = this._map.getZoomScale(e.zoom, this._zoom);
      L.DomUtil.setTransform(this._canvas, this._map._latLngToNewLayerPoint(this._topLeft, e.zoom, e.center), scale);
    },

    /* The view centre's world x (zoom-0 px): where each link's drawn copy is chosen from. */
    _centreX: function () {
      var map = this._map;
      return map.project(map.getCenter(), 0).x;
    },

    /* The shown link nearest to a container point, within style.hit px (shipped index), or -1. */
    _hit: function (point) {
      var map = this._map, g = this._geo;
      if (!g) { return -1; }
      var k = map.getZoomScale(map.getZoom(), 0), cx = this._centreX();
      var abs = map.containerPointToLayerPoint(point).add(map.getPixelOrigin());
      var x = abs.x / k, y = abs.y / k, tol = this._style.hit / k, best = tol * tol, found = -1;
      for (var s = 1; s >= 0; s--) {  /* Japan–China first: a tie goes to the stronger line */
        var list = this._shown[s];
        for (var n = 0; n < list.length; n++) {
          var i = list[n], px = x - shiftFor(g.box, i, cx);
          if (y < g.box[4 * i + 1] - tol || y > g.box[4 * i + 3] + tol ||
              px < g.box[4 * i] - tol || px > g.box[4 * i + 2] + tol) { continue; }
          for (var p = g.start[i]; p < g.start[i + 1] - 1; p++) {
            var d = segmentDistance2(px, y, g.pts[2 * p], g.pts[2 * p + 1], g.pts[2 * p + 2], g.pts[2 * p + 3]);
            if (d < best) { best = d; found = i; }
          }
        }
      }
      return found;
    },

    /* Darken link i (hovered or selected) with the polyline of its arc, where it is drawn; -1 clears. */
    _markLink: function (i) {
      var map = this._map, g = this._geo;
      if (i < 0 || !g) { map.removeLayer(this._mark); return; }
      var shift = shiftFor(g.box, i, this._centreX()), latlngs = [];
      for (var p = g.start[i]; p < g.start[i + 1]; p++) {
        latlngs.push(map.unproject([g.pts[2 * p] + shift, g.pts[2 * p + 1]], 0));
      }
      this._mark.setLatLngs(latlngs).addTo(map);
    },

    /* A marker and the name at both ends of link i (the pair picked in the finder or clicked),
       where its arc is drawn; -1 clears. Names are set as text. */
    _markEnds: function (i) {
      var map = this._map, g = this._geo, d = this._data;
      var at = i >= 0 && g ? i + ':' + shiftFor(g.box, i, this._centreX()) : null;
      if (at === this._endsAt) { return; }
      if (this._ends) { this._ends.remove(); map.fire('jcmcontrolsmoved'); }
      this._ends = null;
      this._endsAt = at;
      if (at === null || !map) { return; }
      var shift = shiftFor(g.box, i, this._centreX());
      this._ends = L.layerGroup([[d.links[2 * i], g.start[i]], [d.links[2 * i + 1], g.start[i + 1] - 1]].map(function (end) {
        var p = end[1], marker = L.marker(map.unproject([g.pts[2 * p] + shift, g.pts[2 * p + 1]], 0), {
          interactive: false, keyboard: false, zIndexOffset: 2500,
          icon: L.divIcon({className: 'jcm-mk', iconSize: [0, 0],
                           html: '<div class="jcm-ov-end"></div><div class="jcm-ov-name"></div>'})});
        marker.on('add', function () {
          var name = marker.getElement().querySelector('.jcm-ov-name');
          name.textContent = d.names[end[0]];
          name.setAttribute('data-overlay-end', d.names[end[0]]);
          name.classList.add(SIDES[0]);
        });
        return marker;
      })).addTo(map);
      map.fire('jcmcontrolsmoved');  /* the programme's labels are laid out again, clear of them */
    },

    /* "A (country) – B (country)" as text nodes. */
    _tipContent: function (i) {
      var d = this._data, div = document.createElement('div');
      [d.links[2 * i], d.links[2 * i + 1]].forEach(function (place, end) {
        if (end) { div.appendChild(document.createTextNode(' \u2013 ')); }
        var name = document.createElement('b');
        name.textContent = d.names[place];
        div.appendChild(name);
        var country = d.countries[d.cc[place]];
        if (country) { div.appendChild(document.createTextNode(' (' + country + ')')); }
      });
      return div;
    },

    /* A programme feature (an interactive path, a marker, a control) under the pointer keeps it. */
    _overProgramme: function (e) {
      var target = e.originalEvent && e.originalEvent.target;
      return !!(target && target.closest && (target.closest('.leaflet-interactive, .leaflet-marker-pane, .leaflet-control')));
    },

    _onMove: function (e) {
      this._pending = e;
      if (this._frame) { return; }
      var self = this;
      this._frame = L.Util.requestAnimFrame(function () {
        self._frame = null;
        var ev = self._pending, i = self._overProgramme(ev) ? -1 : self._hit(ev.containerPoint);
        self._map.getContainer().classList.toggle('jcm-overlay-hover', i >= 0);
        if (i < 0) { if (self._hover >= 0) { self._leave(); } return; }
        if (i !== self._hover) {
          self._hover = i;
          self._tip.setContent(self._tipContent(i));
          self._markLink(i);
        }
        self._tip.setLatLng(ev.latlng);
        if (!self._map.hasLayer(self._tip)) { self._map.openTooltip(self._tip); }
      });
    },

    _leave: function () {
      if (!this._map) { return; }
      this._hover = -1;
      this._map.closeTooltip(this._tip);
      this._map.getContainer().classList.remove('jcm-overlay-hover');
      this._markLink(this._selected);
    },

    _onClick: function (e) {
      if (this._overProgramme(e)) { return; }
      var hit = this._hit(e.containerPoint);
      if (hit < 0) { return; }
      var index = this._ids[hit], id = this._style.prefix + index;
      if (this._view.selected === index) { return; }
      this.setOptions({selected: index});  /* darkened at once; the app's details follow */
      if (jcm.sendClick) { jcm.sendClick(id); return; }  /* in the app: at once, one rerun */
      this.fire('click', {latlng: e.latlng, layer: {toGeoJSON: function () {
        return {type: 'Feature', properties: {id: id}, geometry: null};
      }}});
    }
  });

  /* The dynamic part's word on what the overlay shows (core/map/overlay.py OverlayOptions); kept
     for the layer while its data is still on its way. */
  jcm.overlayOptions = function (group, view) {
    var map = group._map;
    if (!map) { return; }
    if (map.jcmOverlay) { map.jcmOverlay.setOptions(view); } else { map.jcmOverlayView = L.extend({}, map.jcmOverlayView, view); }
  };

  /* The overlay layer on the map (kept as map.jcmOverlay: the app's dynamic part and the tests call
     setOptions on it). data is the payload, or (the app) the URL it is fetched from: the layer is
     made when it arrives, with what the dynamic part has said meanwhile; null until then. */
  jcm.overlayLayer = function (map, data, style, view) {
    if (typeof data === 'string') {
      map.jcmOverlayView = view;
      fetch(data).then(function (response) {
        if (!response.ok) { throw new Error(response.status + ' ' + data); }
        return response.json();
      }).then(function (payload) {
        if (map._loaded && map.getContainer().isConnected) { jcm.overlayLayer(map, payload, style, map.jcmOverlayView); }
      }).catch(function (error) {
        map.getContainer().setAttribute('data-overlay', 'unavailable');
        if (window.console) { console.error('overlay not drawn:', error); }
      });
      return null;
    }
    var layer = new OverlayLayer(data, style, view).addTo(map);
    map.jcmOverlay = layer;
    return layer;
  };
})();
