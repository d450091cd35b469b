/* The map's view: kept when the map is re-created, framed and flown by the dynamic part.
 *
 * The map is created once per page (its script is static) and its dynamic part is replaced on each
 * rerun (core/map/map.py). jcm.keepView (static) saves the zoom and centre in the tab's
 * sessionStorage at the end of every move, with the key of the extent they were framed on, and
 * reads them when the map IS re-created (back from another page, another language); jcm.frame
 * (dynamic) restores them there when they are the presenter's own (moved by hand) and were kept for
 * the extent it is asked for, and frames that extent anew otherwise, as at the first visit. Then
 * the same extent again (a click, the year slider, a language switch) leaves the presenter's own
 * zoom and centre alone (where the map still stands as it was framed, it moves only to keep the
 * places clear of the new view's controls); a new one (a tour step, a filter) flies there from the
 * current view.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};
  var STORE = 'jcm.view';  // and 'jcm.view.fill': the presenter's full-window map keeps its own view
  var GAP = 8;  // px between the tour's notes and what sits beside or above them
  var MIN_FRAMED_PX = 120;  // the least height a step's extent is framed in between the panels
  var EDGE_PX = 16;  // a place framed this near the map's edge is moved in or out of view where the room allows
  var MIN_KEY_PX = 64;  // two rows of the key and its padding: less room, and the key gives way

  function read(store) {
    try { return JSON.parse(window.sessionStorage.getItem(store) || 'null'); } catch (e) { return null; }
  }

  function save(map) {
    var c = map.getCenter();
    try {  // own: the presenter moved it (else it stands where the app framed it, around the panels of then)
      var own = !stillAt(map, map.jcmFramedAt);
      var view = {key: map.jcmViewKey, lat: c.lat, lng: c.lng, zoom: map.getZoom(), own: own};
      window.sessionStorage.setItem(map.jcmStore, JSON.stringify(view));
    } catch (e) { /* storage off: the view is simply not kept */ }
  }

  /* The tour's notes in this frame's pixels (the presenter's map fills the window, so the page's
     pixels are the map's), or null when there are none or the page is not this frame's parent. */
  function tourNotes() {
    try {
      var notes = window.parent.document.querySelector('.st-key-jcm_tour, .st-key-jcm_tour_error');
      return notes ? notes.getBoundingClientRect() : null;
    } catch (e) { return null; }
  }

  /* The details panel's box, in this frame's pixels (null without one). */
  function detailsBox() {
    try {
      var panel = window.parent.document.querySelector('.st-key-jcm_details');
      return panel ? panel.getBoundingClientRect() : null;
    } catch (e) { return null; }
  }

  /* Where the details panel ends (0 without one). */
  function detailsBottom() {
    var box = detailsBox();
    return box ? box.bottom : 0;
  }

  /* How far down from the window's top the presenter's caption reaches (it grows with the
     language and the window's width); 0 without it. */
  function captionBottom() {
    try {
      var caption = window.parent.document.querySelector('.st-key-jcm_caption');
      return caption ? caption.getBoundingClientRect().bottom + GAP : 0;
    } catch (e) { return 0; }
  }

  /* How far up from the window's bottom the tour's notes reach (they grow with the step's text and
     the language); 0 without notes. */
  function tourTop() {
    var notes = tourNotes();
    return notes ? window.parent.innerHeight - notes.top + GAP : 0;
  }

  /* The presenter's lower-left controls (the timeline, the label key, the scale) on the tour's
     line: beside the notes when the timeline and the scale fit between the notes and the details
     panel (the key wraps to that room), so the map above both is one clear rectangle to frame the
     step in; above the notes otherwise (a narrow window). The labels are laid out again around
     them (jcm-labels.js listens for 'jcmcontrolsmoved'). */
  function dock(map, right) {
    var corner = map.getContainer().querySelector('.leaflet-bottom.leaflet-left'), notes = tourNotes();
    if (!corner) { return; }
    var left = '', bottom = '', width = '';
    if (notes) {
      var height = window.parent.innerHeight, beside = notes.right + GAP;
      var room = map.getSize().x - right - beside - GAP, need = 0;
      Array.prototype.forEach.call(corner.children, function (c) {
        if (!c.classList.contains('jcm-key')) { need = Math.max(need, c.offsetLeft + c.offsetWidth); }
      });
      if (need && need <= room) {
        left = beside + 'px';
        bottom = (height - notes.bottom) + 'px';
        width = room + 'px';
      } else {
        bottom = (height - notes.top + GAP) + 'px';
      }
    }
    var moved = corner.style.left !== left || corner.style.bottom !== bottom || corner.style.maxWidth !== width;
    corner.style.left = left;
    corner.style.bottom = bottom;
    corner.style.maxWidth = width;
    if (fitCorner(corner, notes ? window.parent.innerHeight - parseFloat(bottom) : null) || moved) { map.fire('jcmcontrolsmoved'); }
  }

  /* The docked corner reaches up to a panel over the same columns (on a phone: the details across the
     top, the caption, the follow switch): it is no taller than the room below that panel, where the
     key, the one control that grows with the view, scrolls (jcm-view.css .jcm-docked), or gives way
     where not even two of its rows would fit. floor: the corner's bottom in this frame's pixels
     (null: no notes, the corner is Leaflet's own). Returns whether the corner's room changed. */
  function fitCorner(corner, floor) {
    var key = corner.querySelector('.jcm-key');
    var before = [corner.style.maxHeight, corner.className, key ? key.style.maxWidth : ''].join();
    corner.style.maxHeight = '';
    corner.classList.remove('jcm-docked', 'jcm-no-key');
    if (key) {  // beside the notes: no wider than the room (its rows wrap), whatever the legend's own limit
      key.style.maxWidth = corner.style.maxWidth ? 'calc(' + corner.style.maxWidth + ' - 10px)' : '';
    }
    if (floor !== null) {
      var box = corner.getBoundingClientRect(), ceiling = 0, others = 0;
      try {
        window.parent.document.querySelectorAll('[class*="st-key-jcm_"]').forEach(function (el) {
          var r = el.getBoundingClientRect();
          if (window.parent.getComputedStyle(el).position === 'fixed' && r.height && r.left < box.right
              && r.right > box.left && r.bottom <= floor) { ceiling = Math.max(ceiling, r.bottom); }
        });
      } catch (e) { /* not the page's frame: nothing above */ }
      Array.prototype.forEach.call(corner.children, function (c) {
        if (c !== key) { others += c.offsetHeight + parseFloat(getComputedStyle(c).marginBottom || 0); }
      });
      var room = floor - ceiling - GAP;
      corner.style.maxHeight = room + 'px';
      corner.classList.add('jcm-docked');
      if (room - others < MIN_KEY_PX) { corner.classList.add('jcm-no-key'); }
    }
    return before !== [corner.style.maxHeight, corner.className, key ? key.style.maxWidth : ''].join();
  }

  /* The presenter's upper-right controls (the offline-basemap notice) below the presenter's bar,
     left of the details panel and clear of the caption: they lay under them. */
  jcm.dockTopRight = dockTopRight;  /* again when the notice appears (jcm-basemap.js) */
  function dockTopRight(map) {
    var corner = map.getContainer().querySelector('.leaflet-top.leaflet-right'), top = '', right = '';
    if (!corner || !map.getContainer().classList.contains('jcm-fill')) { return; }
    try {
      var doc = window.parent.document, bar = doc.querySelector('.st-key-jcm_bar'), details = doc.querySelector('.st-key-jcm_details');
      if (bar) { top = (bar.getBoundingClientRect().bottom + GAP) + 'px'; }
      if (details) { right = (window.parent.innerWidth - details.getBoundingClientRect().left + GAP) + 'px'; }
    } catch (e) { /* not the page's frame */ }
    corner.style.top = top;
    corner.style.right = right;
    try {  // beside the details panel it may reach the caption: then below that
      var caption = window.parent.document.querySelector('.st-key-jcm_caption'), c = caption && caption.getBoundingClientRect();
      var r = corner.getBoundingClientRect(), f0 = window.frameElement.getBoundingClientRect();
      if (c && r.height && r.left + f0.left < c.right && r.top + f0.top < c.bottom) { corner.style.top = (c.bottom + GAP) + 'px'; }
    } catch (e) { /* not the page's frame */ }
  }

  /* What covers part of the map, in container px: the page's panels over it (the presenter's
     caption, notes, details, bar) and the map's controls (timeline, key, zoom, scale; not the
     legend, which folds where it would cover a place). */
  function obstacles(map, keyless) {
    var root = map.getContainer(), c0 = root.getBoundingClientRect(), out = [];
    var f0 = window.frameElement ? window.frameElement.getBoundingClientRect() : {left: 0, top: 0};
    function add(r, dx, dy) { if (r.width && r.height) { out.push([r.left - dx, r.top - dy, r.right - dx, r.bottom - dy]); } }
    var controls = '.leaflet-control:not(.jcm-legend)' + (keyless ? ':not(.jcm-key)' : '');
    root.querySelectorAll(controls).forEach(function (c) {
      add(c.getBoundingClientRect(), c0.left, c0.top);
    });
    try {
      if (window.frameElement) {
        Array.prototype.forEach.call(window.parent.document.querySelectorAll('[class*="st-key-jcm_"]'), function (el) {
          if (window.parent.getComputedStyle(el).position === 'fixed') { add(el.getBoundingClientRect(), f0.left + c0.left, f0.top + c0.top); }
        });
      }
    } catch (e) { /* not the page's frame */ }
    var seen = jcm.seenBottom(map), size = map.getSize();  // and the map's part below the window
    if (seen < size.y) { out.push([-size.x, seen, 2 * size.x, 2 * size.y]); }
    return out;
  }

  /* Where to frame bounds as fit asks, moved within the room fit leaves (Leaflet's zoom is whole, so
     an extent rarely fills its frame) to where the fewest of the group's places lie under a panel or
     a control (a place out of view is not under one), then the fewest on the map's edge, nearest to
     the fitted centre among equals; a zoom step out, or two, while places lie under a panel or a
     control and fewer do one step out. Never for the key alone: its rows are the badges of a crowd,
     and a smaller map crowds more places into more rows. Returns {center, zoom, under: how many
     places lie under a panel or a control there}. */
  function clearView(map, group, bounds, fit) {
    var target = map._getBoundsCenterZoom(L.latLngBounds(bounds), fit), blocks = obstacles(map), lls = [];
    group.eachLayer(function (layer) {
      if (!layer.eachLayer) { return; }
      layer.eachLayer(function (l) {
        var id = l.feature && l.feature.properties.id;
        var key = jcm.keyOf(id, 'place');
        if (key !== null && l.getLatLng) { lls.push({ll: l.getLatLng(), key: key}); }
      });
    });
    if (!blocks.length || !lls.length) { return {center: target.center, zoom: target.zoom, under: 0}; }
    var best = clearAt(map, target.center, target.zoom, bounds, fit, blocks, lls), others = obstacles(map, true);
    var under = function (zoom) {
      var at = clearAt(map, target.center, zoom, bounds, fit, others, lls);
      return at ? at.under : Infinity;
    };
    var lowest = Math.max(target.zoom - 2, map.getMinZoom());
    for (var z = target.zoom; best && best.under && z > lowest && under(z - 1) < under(z); z--) {
      best = clearAt(map, target.center, z - 1, bounds, fit, blocks, lls) || best;
    }
    return best ? best : {center: target.center, zoom: target.zoom, under: 0};
  }

  /* The centre near centre, at zoom, with the fewest places (lls: {ll, key}) under blocks while bounds stay
     inside the padded frame (half its margin may go), and how many lie under them; null when bounds
     do not fit. */
  function clearAt(map, centre, zoom, bounds, fit, blocks, lls) {
    var size = map.getSize(), b = L.latLngBounds(bounds), c = map.project(centre, zoom);
    var tl = L.point(fit.paddingTopLeft || fit.padding), br = L.point(fit.paddingBottomRight || fit.padding);
    // and half the margin: a place clear of a panel matters more (東京都 beside the presenter's timeline)
    var give = Math.min(tl.x, tl.y, br.x, br.y) / 2;
    tl = tl.subtract([give, give]);
    br = br.subtract([give, give]);
    var nw = map.project(b.getNorthWest(), zoom).subtract(c), se = map.project(b.getSouthEast(), zoom).subtract(c);
    // the centre may move by [dx, dy] while the extent stays inside the padded frame
    var x0 = se.x - size.x / 2 + br.x, x1 = nw.x + size.x / 2 - tl.x, y0 = se.y - size.y / 2 + br.y, y1 = nw.y + size.y / 2 - tl.y;
    if (x0 > x1 || y0 > y1) { return null; }
    // where the markers stand: fanned out as the labels' layout last did at this zoom (an offset
    // that moving the map keeps; 川崎市 below 東京都), else at their places
    var fanned = map.jcmFanned && map.jcmFanned.zoom === zoom ? map.jcmFanned.moved : {};
    var points = lls.map(function (p) {
      return map.project(p.ll, zoom).subtract(c).add(fanned[p.key] || [0, 0]);
    }), best = null, STEPS = 16;
    for (var i = 0; i <= STEPS; i++) {
      for (var j = 0; j <= STEPS; j++) {
        var dx = x0 + (x1 - x0) * i / STEPS, dy = y0 + (y1 - y0) * j / STEPS, under = 0, edge = 0;
        points.forEach(function (p) {
          var x = p.x - dx + size.x / 2, y = p.y - dy + size.y / 2;
          // within a badge's half-width of a panel: its name would lie under it
          var m = 14, near = function (r) { return x > r[0] - m && x < r[2] + m && y > r[1] - m && y < r[3] + m; };
          if (blocks.some(near)) { under += 1; }
          // half in view, half out: its name would be cut by the window's edge
          var inX = x > -8 && x < size.x + 8, inY = y > -8 && y < size.y + 8;
          if (inX && inY && (x < EDGE_PX || x > size.x - EDGE_PX || y < EDGE_PX || y > size.y - EDGE_PX)) { edge += 1; }
        });
        var score = under * 1e6 + edge * 1e3 + Math.hypot(dx, dy);
        if (!best || score < best.score) { best = {score: score, under: under, dx: dx, dy: dy}; }
      }
    }
    return {center: map.unproject(c.add([best.dx, best.dy]), zoom), zoom: zoom, under: best.under};
  }

  /* Static. opts: {fill}: the presenter view, where the map is as tall as its frame, the frame as the window. */
  jcm.keepView = function (map, opts) {
    if (opts.fill) {
      map.getContainer().classList.add('jcm-fill');  /* its larger least text size: jcm-view.css */
      map.getContainer().style.height = '100vh';
      map.invalidateSize(false);
    }
    // the normal view's zoom and centre, made for its column, would leave the presenter's window
    // unframed (and the other way round)
    map.jcmStore = STORE + (opts.fill ? '.fill' : '');
    var saved = read(map.jcmStore);  // restored by jcm.frame when it was kept for the extent framed now
    if (saved && typeof saved.zoom === 'number') { map.jcmSaved = saved; }
    map.on('moveend zoomend', function () { save(map); });
    if (!opts.fill) { liftBottom(map); }
  };

  /* The normal view's map frame reaches below the window (at 1280x720 its lowest ~130 px): its
     lower controls (timeline, scale, legend and, there, the label key) are lifted to the window's
     bottom, where the room sees them, as the page scrolls or the window changes; a quarter of the
     map's height at most (a window so small that more is hidden would get them in the middle of
     the map, among its places). */
  function liftBottom(map) {
    var frame = window.frameElement, lift = function () {
      if (!map.getContainer().isConnected) { return; }
      var size = map.getSize().y, below = size - jcm.seenBottom(map);
      var px = Math.round(Math.min(below, size / 4)) + 'px', moved = false;
      map.getContainer().querySelectorAll('.leaflet-bottom').forEach(function (corner) {
        if (corner.style.bottom !== px) { corner.style.bottom = px; moved = true; }
      });
      if (moved) { map.fire('jcmcontrolsmoved'); }
    };
    if (!frame) { return; }
    var pending = false, soon = function () {
      if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; lift(); }); }
    };
    try {
      window.parent.addEventListener('resize', soon);
      window.parent.document.addEventListener('scroll', soon, true);
    } catch (e) { return; }
    map.on('resize', soon);
    map.on('unload', function () {
      window.parent.removeEventListener('resize', soon);
      window.parent.document.removeEventListener('scroll', soon, true);
    });
    lift();
  }

  /* The padding Leaflet fits opts.bounds with: in the presenter view, clear of the caption above,
     the tour's notes below and the details panel, as they stand now (they grow with the step). */
  function fitFor(map, opts) {
    var p = opts.padding;
    if (!opts.fill) { return {padding: [p, p], maxZoom: opts.maxZoom}; }
    var r = opts.reserve, below = Math.max(r.bottom, tourTop()), top = Math.max(r.top, captionBottom());
    var right = r.right, size = map.getSize();
    if (right && size.x < 2 * right) {  // a phone: the details panel lies across the top (ui/assets/follow.css)
      top = Math.max(top, detailsBottom() + GAP);
      right = 0;
    }
    if (size.y - top - below < MIN_FRAMED_PX) { top = 0; below = 0; }  // no room left: the whole map, under the panels
    return {paddingTopLeft: [p, p + top], paddingBottomRight: [p + right, p + below], maxZoom: opts.maxZoom};
  }

  /* Whether the map still stands where it was framed (at: {center, zoom}), not moved by the presenter. */
  function stillAt(map, at) {
    return !!at && map.getZoom() === at.zoom && map.project(map.getCenter()).distanceTo(map.project(at.center)) <= 3;
  }

  /* Dynamic. opts: {key, bounds: [[s, w], [n, e]], padding, maxZoom, flySeconds, fill, reserve: {top, bottom, right}} */
  jcm.frame = function (group, opts) {
    var map = group._map, fit = fitFor(map, opts), right = opts.reserve.right;
    if (opts.fill) {  // keep the extent clear of the caption above, the tour's notes below and the details panel
      if (right && map.getSize().x < 2 * right) { right = 0; }  // a phone: the details panel lies across the top
      // the notes of a new step are drawn just after the map's update: docked again once they are, and
      // when the window turns (a phone: the panels move with it, follow.css). Beside the notes, the
      // controls end where the details panel begins when it is on the right (a phone held sideways).
      var place = function () {
        var panel = detailsBox(), size = map.getSize();
        if (group._map) { dock(map, panel && panel.left > size.x / 2 ? size.x - panel.left : right); dockTopRight(map); }
      };
      place();
      [150, 600].forEach(function (ms) { setTimeout(place, ms); });
      if (map.jcmDock) { map.off('resize', map.jcmDock); }
      map.jcmDock = function () { [0, 150, 600].forEach(function (ms) { setTimeout(place, ms); }); };
      map.on('resize', map.jcmDock);
      // and whenever the page's panels change (the details of a selection arrive after the map, later
      // still on a busy server): once per frame at most
      if (map.jcmPanels) { map.jcmPanels.disconnect(); }
      try {
        var pending = false;
        map.jcmPanels = new window.parent.MutationObserver(function () {
          if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; place(); }); }
        });
        map.jcmPanels.observe(window.parent.document.body, {childList: true, subtree: true});
      } catch (e) { map.jcmPanels = null; }  /* not the page's frame: its panels are not this map's */
      // the details panel covers the right-hand side: the legend folds to its one-line button below it
      var legend = opts.reserve.right ? map.getContainer().querySelector('.jcm-legend details') : null;
      if (legend) { legend.open = false; }
    }
    // the extent this map was framed on last (none yet: a new map); framed: here, now. The new key is
    // set before any move: the end of each move saves the view with its extent's key (keepView).
    var known = map.jcmViewKey, framed = false, saved = map.jcmSaved;
    map.jcmViewKey = opts.key;
    if (known === undefined) {  // a new map: the presenter's own view kept for this extent, or framed as at the first visit
      if (saved && saved.key === opts.key && saved.own) {
        map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
      } else {
        // a view the app framed (around the panels of then: a step's notes, not the overview's keys)
        // or kept for another extent (left the presenter view on another step) is not restored nor
        // flown from: the room never saw it in this map, and its key, laid out there, would be framed around
        var first = map.jcmFramedAt = clearView(map, group, opts.bounds, fit);
        map.setView(first.center, first.zoom, {animate: false});
        framed = true;
      }
    } else if (known !== opts.key) {
      var to = map.jcmFramedAt = clearView(map, group, opts.bounds, fit);
      map.flyTo(to.center, to.zoom, {duration: opts.flySeconds});
      framed = true;
    }
    // framed now, or standing where it was framed before (a click, the year slider): the new view's
    // key and controls (a selection's key is longer, and pushes the timeline up) keep off its places
    if (framed || stillAt(map, map.jcmFramedAt)) { reframe(map, group, opts); }
    // saved at the end of each move (keepView), never here: in a flight, the centre left with the
    // new extent's key would be restored, as the presenter's own, by a map made anew mid-flight
  };

  /* Once laid out where it was framed, the key has its size, the new step's notes theirs and the
     presenter's controls are docked beside them: the view moves again, as often as they change
     (a few times at most), where a place lies under them and the room the zoom leaves allows,
     until the presenter moves the map or scrolls the page (the map would move under the pointer
     aiming at it; the lifted controls follow the window). Never a step further out than the panels
     ask: a smaller map crowds its places, and more badges make a taller key, which would ask for
     more room again. Meanwhile map.jcmClearance() tells the key's choice of corner (jcm-labels.js)
     how many places would still lie under a panel or a control, the key where it stands now, once
     the view has moved to keep them clear: a key beside a crowd can be framed clear of it. */
  function reframe(map, group, opts) {
    var seen = null, left = 8;  // the first passes come before the key has its rows and its corner
    var scrolled = function (e) {  // the page around the map, not a panel's own text
      var t = e.target;
      if (t === window.parent.document || (t.contains && t.contains(window.frameElement))) { left = 0; }
    };
    try { window.parent.document.addEventListener('scroll', scrolled, true); } catch (e) { /* not the page's frame */ }
    var again = function () {
      if (!group._map || !left || !stillAt(map, map.jcmFramedAt)) { return; }
      var now = obstacles(map).map(function (r) { return r.map(Math.round).join(','); }).join(';');
      if (now === seen) { return; }
      seen = now;
      left -= 1;
      var to = clearView(map, group, opts.bounds, fitFor(map, opts)), there = map.project(to.center);
      map.jcmFramedAt = to;
      if (to.zoom !== map.getZoom() || map.project(map.getCenter()).distanceTo(there) > 2) {
        map.setView(to.center, to.zoom, {animate: false});
      }
    };
    var clearance = map.jcmClearance = function () {
      if (!group._map || !left || !stillAt(map, map.jcmFramedAt)) { return null; }
      return clearView(map, group, opts.bounds, fitFor(map, opts)).under;
    };
    map.on('jcmlaidout', again);
    jcm.whenGone(group, function () {
      if (map.jcmClearance === clearance) { map.jcmClearance = null; }
      map.off('jcmlaidout', again);
      try { window.parent.document.removeEventListener('scroll', scrolled, true); } catch (e) { /* not the page's frame */ }
    });
  }
})();
