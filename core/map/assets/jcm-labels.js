/* Labels laid out in the browser (core/map/labels.py).
 *
 * Labels (jcm.labelLayout): laid out for the map's real size and zoom, again on every zoom,
 * resize and move, under the rules of core/map/style.py (label_rules, documented there): each
 * label's nearest edge within rules.reach px of its own marker's centre and nearer to it than to
 * any other marker, no two labels overlapping,
 * no label covering a marker or a control (legend, zoom buttons, scale). Co-located markers are
 * first fanned out on a ring so each stays visible and clickable. A place whose label finds no
 * such spot gets a numbered badge (under the same rules) and a row in a key on the map; one that
 * cannot have a badge either shows its number on its own marker (a ring: on its rim), so every
 * place on screen is named. Never a leader line: a label is always next to its own marker. Greedy
 * and deterministic, most crowded places first (they have the fewest free spots).
 *
 * Texts: label and key texts are html-escaped in Python; names and ids are set as attributes or
 * text, never parsed as HTML.
 *
 * Over 300 lines because the layout is one algorithm (fan-out, candidates, greedy tries, badges
 * and key) better read in one place.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  function hits(a, b, margin) {
    return !(a.x1 + margin <= b.x0 || b.x1 + margin <= a.x0 || a.y1 + margin <= b.y0 || b.y1 + margin <= a.y0);
  }

  /* Distance from (x, y) to the nearest point of box b (0 inside). */
  function reachOf(b, x, y) {
    return Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));
  }

  function inside(b, view) {
    return view.x0 <= b.x0 && b.x1 <= view.x1 && view.y0 <= b.y0 && b.y1 <= view.y1;
  }

  /* The angle on a ring of each point (offsets from the ring's centre): evenly spaced, in the
     points' own order around the centre and turned as near as can be to their own directions,
     so that a marker fanned out stays on its side of its neighbours (北九州市 north-east of
     福岡県). Points at the centre itself (北京市 and the bodies seated there) follow their order
     in the data, from the top. */
  function ringSlots(offs) {
    var k = offs.length, TAU = 2 * Math.PI;
    var dir = offs.map(function (o) { return Math.hypot(o[0], o[1]) > 0.5 ? Math.atan2(o[1], o[0]) : null; });
    var order = offs.map(function (o, i) { return i; }).sort(function (a, b) {
      var da = dir[a] === null ? Infinity : dir[a], db = dir[b] === null ? Infinity : dir[b];
      return da - db || a - b;
    });
    var sx = 0, sy = 0;
    order.forEach(function (i, slot) {
      if (dir[i] !== null) { sx += Math.cos(dir[i] - TAU * slot / k); sy += Math.sin(dir[i] - TAU * slot / k); }
    });
    var start = sx || sy ? Math.atan2(sy, sx) : -Math.PI / 2, out = [];
    order.forEach(function (i, slot) { out[i] = start + TAU * slot / k; });
    return out;
  }

  /* Offsets that keep marker centres at least sep apart: near points are fanned out on a ring
     around their centre (a tidy, stable arrangement) in their real order around it, then a few
     pushes settle the rest. */
  jcm.fanOut = function (pts, sep) {
    var n = pts.length, parent = [], i, j;
    for (i = 0; i < n; i++) { parent.push(i); }
    function find(k) { while (parent[k] !== k) { parent[k] = parent[parent[k]]; k = parent[k]; } return k; }
    function closePairs(ps) {
      var out = [];
      for (var a = 0; a < ps.length; a++) {
        for (var b = a + 1; b < ps.length; b++) {
          if (Math.hypot(ps[a][0] - ps[b][0], ps[a][1] - ps[b][1]) < sep) { out.push([a, b]); }
        }
      }
      return out;
    }
    closePairs(pts).forEach(function (p) { parent[find(p[0])] = find(p[1]); });
    var groups = {}, pos = pts.map(function (p) { return [p[0], p[1]]; });
    for (i = 0; i < n; i++) { (groups[find(i)] = groups[find(i)] || []).push(i); }
    Object.keys(groups).forEach(function (g) {
      var members = groups[g], k = members.length;
      if (k < 2) { return; }
      var cx = 0, cy = 0;
      members.forEach(function (m) { cx += pts[m][0] / k; cy += pts[m][1] / k; });
      var radius = Math.max(sep * 0.75, sep / (2 * Math.sin(Math.PI / k)));
      ringSlots(members.map(function (m) { return [pts[m][0] - cx, pts[m][1] - cy]; })).forEach(function (angle, i) {
        var m = members[i];
        pos[m] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
      });
    });
    for (var round = 0; round < 50; round++) {
      var pairs = closePairs(pos);
      if (!pairs.length) { break; }
      pairs.forEach(function (p) {
        var a = pos[p[0]], b = pos[p[1]], dx = b[0] - a[0], dy = b[1] - a[1], d = Math.hypot(dx, dy);
        var ux = d > 1e-6 ? dx / d : 1, uy = d > 1e-6 ? dy / d : 0, push = (sep - d) / 2 + 0.5;
        a[0] -= ux * push; a[1] -= uy * push; b[0] += ux * push; b[1] += uy * push;
      });
    }
    return pos.map(function (p, k) { return [p[0] - pts[k][0], p[1] - pts[k][1]]; });
  };

  /* Candidate boxes (w x h) around a marker centre (x, y), nearest first: right, left, the four
     diagonals, above, below, each slid along its side, then a little further out. Only boxes
     whose nearest edge is within reach of the centre are candidates. */
  jcm.candidates = function (x, y, w, h, rules) {
    var out = [], half = rules.marker / 2 + rules.gap;
    [0, 6, 12, 20, 30].forEach(function (extra) {
      var d = half + extra, q = d * 0.7;
      var boxes = [
        [x + d, y - h / 2], [x - d - w, y - h / 2],
        [x + q, y - q - h], [x + q, y + q], [x - q - w, y - q - h], [x - q - w, y + q],
        [x - w / 2, y - d - h], [x - w / 2, y + d],
        [x + d, y - h + 4], [x + d, y - 4], [x - d - w, y - h + 4], [x - d - w, y - 4],
        [x - 8, y - d - h], [x - w + 8, y - d - h], [x - 8, y + d], [x - w + 8, y + d]
      ];
      boxes.forEach(function (b) {
        var box = {x0: b[0], y0: b[1], x1: b[0] + w, y1: b[1] + h};
        if (reachOf(box, x, y) <= rules.reach) { out.push(box); }
      });
    });
    return out;
  };

  /* Whether it's own marker is the one nearest to box, by a clear margin (rules.gap): a label
     that is nearer to another marker reads as that place's. */
  function owned(box, it, items, gap) {
    var own = reachOf(box, it.mx, it.my);
    for (var k = 0; k < items.length; k++) {
      var o = items[k];
      if (o === it || (o.mx === it.mx && o.my === it.my)) { continue; }  // a ring and its city: one pair
      if (reachOf(box, o.mx, o.my) <= own + gap) { return false; }
    }
    return true;
  }

  /* The first candidate inside view, clear of every box in taken (by rules.gap) and nearer to
     its own marker than to any other. */
  function firstFree(it, w, h, taken, items, view, rules, anyNearest) {
    var cands = jcm.candidates(it.mx, it.my, w, h, rules);
    for (var c = 0; c < cands.length; c++) {
      var box = cands[c], free = inside(box, view);
      for (var t = 0; free && t < taken.length; t++) {
        if (hits(box, taken[t], rules.gap)) { free = false; }
      }
      if (free && (anyNearest || owned(box, it, items, rules.gap))) { return box; }
    }
    return null;
  }

  /* One greedy pass over order: each place in turn takes a text spot, else a badge spot, before
     the next place (a crowded place gets its badge before a quieter neighbour's text takes the
     room); places in badgeFirst try the smaller badge first; a subject (by id) tries its text even where it is
     not nearer to its own marker than to another. Returns the spots by id, the places
     left unnamed and a score (lower is better). */
  function place(order, badgeFirst, fixed, items, view, rules, subject) {
    var taken = fixed.slice(), spots = {}, unnamed = [], badges = 0;
    order.forEach(function (it) {
      // the selected links' lines keep every name off them but their ends' (selectedLines): a subject's
      // name is laid out as without them (in step 3 at 1280x720 en, 四日市市's had no room left else)
      var clear = subject[it.id] ? offLine(taken) : taken;
      var mode = 'text', box = badgeFirst.indexOf(it) < 0 ? firstFree(it, it.w, it.h, clear, items, view, rules) : null;
      // the subject's name (highlighted) may stand as near to a neighbour as to its own marker,
      // rather than be only a number
      if (!box && subject[it.id]) { box = firstFree(it, it.w, it.h, clear, items, view, rules, true); }
      if (!box) {
        box = firstFree(it, it.bw, it.bh, clear, items, view, rules);
        mode = 'badge';
      }
      if (box) {
        taken.push(box);
        spots[it.id] = {mode: mode, box: box};
        if (mode === 'badge') { badges += 1; }
      } else {
        unnamed.push(it);
      }
    });
    return {spots: spots, unnamed: unnamed, taken: taken, order: order, badgeFirst: badgeFirst,
            score: unnamed.length * 1000 + badges};
  }

  function overlap(a, b) {
    return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
      Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  }

  /* The badge of a place no free spot is left for, on its own marker (a badge as small as a marker:
     it.ow x it.oh): centred on it or moved as far as it still overlaps the marker (a ring's badge
     so leaves the city it holds visible) and is nearer to it than to any other, to where it covers
     the least of the other labels and markers (taken; a label, whose text a badge would hide, ten
     times a marker's edge: no other marker's centre is covered) and nothing of hard (the controls, the page's
     panels, year tags: they would cover it) nor reaches out of view; nearest to the centre among equals. */
  function onMarker(it, taken, hard, view, items) {
    var best = null, w = it.ow, h = it.oh, rx = it.sw + w / 2 - 2, ry = it.sw + h / 2 - 2;
    var others = items.filter(function (o) { return o.mx !== it.mx || o.my !== it.my; });
    // the ring around a city is not covered by the city's badge: that lies within it
    var rings = items.filter(function (o) {
      return others.indexOf(o) < 0 && o.mbox.x1 - o.mbox.x0 > it.mbox.x1 - it.mbox.x0;
    });
    var skip = rings.map(function (o) { return o.mbox; }).concat([it.mbox]);
    for (var dx = -rx; dx <= rx + 0.01; dx += rx / 8) {
      for (var dy = -ry; dy <= ry + 0.01; dy += ry / 8) {
        var cx = it.mx + dx, cy = it.my + dy, cost = Math.hypot(dx, dy) / 100;
        var box = {x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2};
        var own = reachOf(box, it.mx, it.my);
        if (others.some(function (o) { return reachOf(box, o.mx, o.my) <= own + 0.5; })) { continue; }
        taken.forEach(function (t) { if (skip.indexOf(t) < 0) { cost += overlap(box, t) * (t.marker ? 1 : 10); } });
        hard.forEach(function (t) { cost += 1000 * overlap(box, t); });
        cost += 1000 * (w * h - overlap(box, view));
        if (!best || cost < best.cost) { best = {cost: cost, box: box}; }
      }
    }
    return best ? best.box : {x0: it.mx - w / 2, y0: it.my - h / 2, x1: it.mx + w / 2, y1: it.my + h / 2};
  }

  /* The page's panels floating over the map's frame (the presenter's caption, bar, details and
     tour notes: Streamlit containers keyed jcm_*, position: fixed), or none where the page is not
     this frame's parent. */
  function panels() {
    try {
      var frame = window.frameElement;
      if (!frame) { return []; }
      return Array.prototype.filter.call(window.parent.document.querySelectorAll('[class*="st-key-jcm_"]'), function (el) {
        return window.parent.getComputedStyle(el).position === 'fixed';
      });
    } catch (e) { return []; }
  }

  /* The boxes of the map's controls (legend, key, zoom, scale, attribution; the key's marked key),
     of the overlay's picked pair's ends and of the page's panels over the map, in container pixels. */
  function controlBoxes(map) {
    var root = map.getContainer(), r0 = root.getBoundingClientRect(), out = [];
    var f0 = window.frameElement ? window.frameElement.getBoundingClientRect() : {left: 0, top: 0};
    function add(r, dx, dy, key) {
      if (r.width && r.height) {
        out.push({x0: r.left - dx, y0: r.top - dy, x1: r.right - dx, y1: r.bottom - dy, key: !!key});
      }
    }
    // and the overlay's picked pair: its ends' markers and names (jcm-overlay.js)
    root.querySelectorAll('.leaflet-control, .jcm-ov-end, .jcm-ov-name').forEach(function (el) {
      add(el.getBoundingClientRect(), r0.left, r0.top, el.classList.contains('jcm-key'));
    });
    panels().forEach(function (el) { add(el.getBoundingClientRect(), f0.left + r0.left, f0.top + r0.top); });
    return out;
  }

  /* Where the page's panels are, as one string: a change (a panel opened, grown, closed) lays
     the labels out again. */
  function panelKey() {
    return panels().map(function (el) {
      var r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round).join(',');
    }).join(';');
  }

  /* Fold the legend where it covers a place the room should see, unless the presenter unfolded
     it by hand (jcm-legend.js jcm.legend keeps that choice). True when it folded. */
  function foldLegend(map, points) {
    var details = map.getContainer().querySelector('.jcm-legend details');
    if (!details || !details.open || jcm.legendOpen === true) { return false; }
    var r0 = map.getContainer().getBoundingClientRect(), r = details.getBoundingClientRect();
    var hit = points.some(function (p) {
      return p.x > r.left - r0.left && p.x < r.right - r0.left && p.y > r.top - r0.top && p.y < r.bottom - r0.top;
    });
    if (hit) { details.open = false; }
    return hit;
  }

  /* Show el as its text ('text', wrapped at width when given), a numbered badge or not at all. */
  function setMode(el, mode, number, width) {
    el.classList.toggle('jcm-badge', mode === 'badge');
    el.classList.remove('jcm-on');  // onTop puts it back
    el.classList.toggle('jcm-wrap', mode === 'text' && !!width);
    el.style.width = mode === 'text' && width ? width + 'px' : '';
    el.style.visibility = 'hidden';
    el.style.display = mode === 'none' ? 'none' : '';
    el.querySelector('.jcm-n').textContent = mode === 'badge' ? String(number) : '';
  }

  /* A badge on its own marker is drawn over the markers (labels lie beneath them) in its marker's
     colour, and lets the marker beneath it take the clicks and hovers (jcm-labels.css .jcm-on). */
  function onTop(it, on) {
    var z = it.label.jcmZ === undefined ? (it.label.jcmZ = it.label.options.zIndexOffset) : it.label.jcmZ;
    it.el.classList.toggle('jcm-on', on);
    if (on) { it.el.style.width = it.ow + 'px'; }  // as wide as it was laid out, whatever its number
    it.el.classList.toggle('jcm-on-cn', on && /^cn_/.test(it.marker.feature.properties.shape || ''));
    if (it.label.options.zIndexOffset !== (on ? z + 4000 : z)) { it.label.setZIndexOffset(on ? z + 4000 : z); }
  }

  function show(el, it, box) {
    el.style.left = (box.x0 - it.x) + 'px';
    el.style.top = (box.y0 - it.y) + 'px';
    el.style.visibility = '';
  }

  /* The key of numbered badges: number and name, in the map's lower-left corner (or the upper-left
     one: keyCorner); a click on a row clicks its place. */
  function keyControl(map) {
    var key = L.control({position: map.jcmKeyCorner || 'bottomleft'});
    key.onAdd = function () {
      var div = L.DomUtil.create('div', 'jcm-key');
      div.style.display = 'none';  // until it has rows (fillKey)
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return key.addTo(map);
  }

  /* Whether box (in this frame's px) reaches below the window the page is read in (a key there
     names badges nobody in the room can read). */
  function belowWindow(box) {
    try {
      var frame = window.frameElement && window.frameElement.getBoundingClientRect();
      return !!frame && frame.top + box.bottom > window.parent.innerHeight + 1;
    } catch (e) { return false; }  // not the page's frame (an export): the key is on screen
  }

  var CORNERS = ['bottomleft', 'topleft', 'bottomright', 'topright'];

  /* The normal view's key goes to the map's corner where it covers the fewest markers (the lower-left
     one holds the timeline too, over 広東省, the extent's south-west place, at 1920x1080; the upper-left
     one the Chinese bodies at 1366x768): a place under it would be named only by a badge there, and
     each badge makes the key taller. While the map stands where it was framed, and the framing may
     still move it (map.jcmClearance, jcm-view.js), a corner is judged by the places left under a
     panel or a control once the view has moved clear of the key there, not by those under it now.
     Its corner is kept for the next views while it covers nothing; it moves three times per map at
     most, never back and forth. The presenter's lower-left controls are docked beside the tour's
     notes (jcm-view.js). True when it moved. */
  function keyCorner(map, key, items) {
    var div = key.getContainer();
    if (map.getContainer().classList.contains('jcm-fill') || !div.offsetHeight || (map.jcmKeyMoves || 0) >= 3) {
      return false;
    }
    var c0 = map.getContainer().getBoundingClientRect(), was = key.getPosition();
    var home = div.parentNode, next = div.nextSibling;
    var cost = function () {  // the places left under a control once framed (null: not framing), else under the key now
      var r = div.getBoundingClientRect(), clear = map.jcmClearance ? map.jcmClearance() : null;
      return (clear !== null ? clear : items.filter(function (it) {
        var x = it.mx + c0.left, y = it.my + c0.top;
        return x > r.left - 4 && x < r.right + 4 && y > r.top - 4 && y < r.bottom + 4;
      }).length) + (belowWindow(r) ? 1000 : 0);
    };
    var best = {corner: was, cost: cost()};
    if (!best.cost) { return false; }
    CORNERS.forEach(function (corner) {  // measured there with its rows (setPosition makes it anew, empty)
      var box = map._controlCorners[corner];
      if (corner === was || !box) { return; }
      box.insertBefore(div, /^bottom/.test(corner) ? box.firstChild : null);
      var c = cost();
      if (c < best.cost) { best = {corner: corner, cost: c}; }
    });
    if (best.corner === was) {
      home.insertBefore(div, next);
      return false;
    }
    map.jcmKeyCorner = best.corner;
    key.setPosition(best.corner);
    map.jcmKeyMoves = (map.jcmKeyMoves || 0) + 1;
    return true;
  }

  function fillKey(div, badges) {
    div.textContent = '';
    div.style.display = badges.length ? '' : 'none';
    badges.forEach(function (it) {
      var row = L.DomUtil.create('button', 'jcm-key-row', div);
      row.type = 'button';
      L.DomUtil.create('span', 'jcm-n', row).textContent = String(it.number);
      L.DomUtil.create('span', 'jcm-t', row).innerHTML = it.label.feature.properties.t;
      row.addEventListener('click', function () {
        it.marker.fire('click', {latlng: it.marker.getLatLng()}, true);
      });
    });
  }

  /* A link's drawn line (its ends moved with their markers), in container px. */
  function linePoints(map, link) {
    var lls = link.getLatLngs();
    if (Array.isArray(lls[0])) { lls = [].concat.apply([], lls); }
    return lls.map(function (ll) { return map.latLngToContainerPoint(ll); });
  }

  function lengthOf(pts) {
    var length = 0;
    for (var k = 1; k < pts.length; k++) { length += pts[k].distanceTo(pts[k - 1]); }
    return length;
  }

  /* The point [x, y] dist px along the line pts, null beyond its end. */
  function pointAlong(pts, dist) {
    for (var k = 1; k < pts.length; k++) {
      var a = pts[k - 1], b = pts[k], d = b.distanceTo(a);
      if (d >= dist && d > 0) { return [a.x + dist / d * (b.x - a.x), a.y + dist / d * (b.y - a.y)]; }
      dist -= d;
    }
    return null;
  }

  /* Points along each selected link's line (container px, every few px, apart from its last px at
     each end, where it meets its own marker), as tiny boxes marked 'line': no name but those of the
     selected links' ends goes over a line the room follows (step 12's purple line under 唐山市's name
     read as ending there). */
  function selectedLines(map, links) {
    var out = [], STEP = 6, END = 12;
    if (!links) { return out; }
    links.eachLayer(function (l) {
      if (!l.feature.properties.sel) { return; }
      var pts = linePoints(map, l), length = lengthOf(pts);
      for (var at = END; at <= length - END; at += STEP) {
        var p = pointAlong(pts, at);
        if (p) { out.push({x0: p[0] - 1, y0: p[1] - 1, x1: p[0] + 1, y1: p[1] + 1, line: true}); }
      }
    });
    return out;
  }

  function offLine(boxes) { return boxes.filter(function (b) { return !b.line; }); }

  /* The boxes of the selected link's year tags (jcm-links.js, at their line's middle): no label goes
     under one. A tag that stands where the selected place's name would go is hidden instead (the
     year is in the details panel and the step's notes): the room reads the subject's name, never
     only its number (天津市 in step 3 at 1280x720). */
  function yearTags(map, tags, subjects, taken, items, view, rules) {
    var c0 = map.getContainer().getBoundingClientRect(), shown = [];
    tags.forEach(function (tag) {
      var el = tag.getElement();
      if (!el) { return; }
      el.style.visibility = '';
      var r = el.firstChild.getBoundingClientRect();
      shown.push({el: el, box: {x0: r.left - c0.left, y0: r.top - c0.top, x1: r.right - c0.left, y1: r.bottom - c0.top}});
    });
    subjects.filter(function (it) { return it.label.feature.properties.sel; }).forEach(function (it) {
      var boxes = shown.map(function (t) { return t.box; });
      if (firstFree(it, it.w, it.h, taken.concat(boxes), items, view, rules)) { return; }
      var spot = firstFree(it, it.w, it.h, taken, items, view, rules);
      if (!spot) { return; }
      shown = shown.filter(function (t) {
        if (!hits(spot, t.box, rules.gap)) { return true; }
        t.el.style.visibility = 'hidden';
        return false;
      });
    });
    return shown.map(function (t) { return t.box; });
  }

  /* The places (by feature id) with at least least links among those on the map (links: the
     clickable layer, which the timeline empties of the links of later years). */
  function hubs(links, least) {
    var count = {}, out = {};
    if (links) {
      links.eachLayer(function (l) {
        jcm.linkEnds(l.feature.properties.id).forEach(function (key) {
          var id = jcm.featureId('place', key);
          count[id] = (count[id] || 0) + 1;
          if (count[id] >= least) { out[id] = true; }
        });
      });
    }
    return out;
  }

  /* The middle of each link on the map (half its drawn length, its ends moved with their markers), in
     container px: a click there selects the link (tests/browser/test_links_regions_browser.py), so a
     label laid out over one (北九州市's on 神戸市–天津市 at 1280x720) lets the click through to it
     (jcm-labels.css .jcm-thru; its marker keeps the place's clicks). Keeping labels off the middles
     changed which spots the crowd took, and the normal view's key grew over Japan (1280x720 en). */
  function linkMiddles(map, links) {
    var out = [];
    if (!links) { return out; }
    links.eachLayer(function (l) {
      var pts = linePoints(map, l), middle = pointAlong(pts, lengthOf(pts) / 2);
      if (middle) { out.push(middle); }
    });
    return out;
  }

  /* The width of a badge on its marker showing the widest number (measured on one label, without
     the width the last pass gave it: a long name wrapped to 266 px once fanned the Ministry and the
     Centre 333 px apart). */
  function onSize(state) {
    var ids = Object.keys(state.labelOf), l = ids.map(function (id) { return state.labelOf[id]; })
      .filter(function (x) { return x._icon; })[0];
    if (!l) { return 0; }
    var el = l._icon.querySelector('.jcm-lb'), n = el.querySelector('.jcm-n');
    var was = [el.className, el.style.display, el.style.width, n.textContent];
    el.className = 'jcm-lb jcm-badge jcm-on';
    el.style.display = '';
    el.style.width = '';
    n.textContent = String(ids.length);
    var w = Math.max(el.offsetWidth, el.offsetHeight);
    el.className = was[0];
    el.style.display = was[1];
    el.style.width = was[2];
    n.textContent = was[3];
    return w;
  }

  /* One layout pass; returns the places shown as badges (the key's rows). */
  function layoutOnce(state) {
    var map = state.map, rules = state.rules, size = map.getSize();
    state.items = [];
    var font = size.x >= rules.largeMap ? rules.fontLarge : rules.font;
    map.getContainer().style.setProperty('--jcm-font', font + 'px');
    var view = {x0: 2, y0: 2, x1: size.x - 2, y1: size.y - 2}, items = state.items;
    state.places.eachLayer(function (l) {
      if (!l._icon) { return; }
      var pt = map.latLngToContainerPoint(l.getLatLng());
      items.push({id: l.feature.properties.id, marker: l, label: state.labelOf[l.feature.properties.id],
                  x: pt.x, y: pt.y});
    });
    // A region drawn as a ring around the city it stands at (兵庫県 at 神戸市) is not fanned out:
    // it follows that city's marker, so the two stay one visible, clickable pair.
    var ring = function (it) { return /_ring$/.test(it.marker.feature.properties.shape || ''); };
    var free = items.filter(function (it) { return !ring(it); });
    // fanned out far enough that the badges on two neighbouring markers (the last resort) do not meet,
    // at any angle between them
    var offsets = jcm.fanOut(free.map(function (it) { return [it.x, it.y]; }),
                             Math.max(rules.marker, 1.25 * onSize(state)));
    free.forEach(function (it, k) { it.dx = offsets[k][0]; it.dy = offsets[k][1]; });
    items.filter(ring).forEach(function (it) {
      var host = null, best = Infinity;
      free.forEach(function (o) {
        var d = Math.hypot(o.x - it.x, o.y - it.y);
        if (d < best) { best = d; host = o; }
      });
      it.dx = host && best < rules.marker ? host.dx : 0;
      it.dy = host && best < rules.marker ? host.dy : 0;
    });
    var moved = {};
    items.forEach(function (it) { moved[jcm.keyOf(it.id, 'place')] = [it.dx, it.dy]; });
    map.jcmFanned = {zoom: map.getZoom(), moved: moved};  // the framing weighs where the markers stand (jcm-view.js)
    if (state.group.jcmLinks) { jcm.moveLinkEnds(map, state.group.jcmLinks, moved); }  // each line ends at its own marker
    var middles = linkMiddles(map, state.group.jcmLinks);
    var inView = items.filter(function (it) {
      var x = it.x + it.dx, y = it.y + it.dy;
      return x >= 0 && y >= 0 && x <= size.x && y <= size.y;
    }).map(function (it) { return {x: it.x + it.dx, y: it.y + it.dy}; });
    foldLegend(map, inView);
    if (jcm.overlayNamesClear) { jcm.overlayNamesClear(map, inView); }
    var half = rules.marker / 2, taken = [], controls = controlBoxes(map);
    // a marker under the key is still named (the key's size follows the names: the framing moves the map)
    var covered = function (x, y) {
      return controls.some(function (c) { return !c.key && x > c.x0 && x < c.x1 && y > c.y0 && y < c.y1; });
    };
    items.forEach(function (it) {
      it.mx = it.x + it.dx;
      it.my = it.y + it.dy;
      var s = it.marker._icon.querySelector('.jcm-s'), hw = Math.max(half, s.offsetWidth / 2);  // a ring is wider
      it.sw = s.offsetWidth / 2;
      s.style.left = it.dx + 'px';
      s.style.top = it.dy + 'px';
      taken.push(it.mbox = {x0: it.mx - hw, y0: it.my - hw, x1: it.mx + hw, y1: it.my + hw, marker: true});
      // a marker out of view or under a control gets no label: it would name nothing the room sees
      it.seen = it.mx >= 0 && it.my >= 0 && it.mx <= size.x && it.my <= size.y && !covered(it.mx, it.my);
      it.crowd = 0;
    });
    taken = taken.concat(controls);
    var labelled = items.filter(function (it) { return it.label && it.label._icon; });
    labelled.forEach(function (it) {
      it.el = it.label._icon.querySelector('.jcm-lb');
      it.wrapW = 0;
      setMode(it.el, it.seen ? 'text' : 'none');
    });
    labelled.forEach(function (it) {  // read after every write: one reflow
      it.w = it.el.offsetWidth;
      it.h = it.el.offsetHeight;
    });
    labelled.forEach(function (it) {
      if (it.w > rules.maxEm * font) {
        it.wrapW = rules.maxEm * font;
        setMode(it.el, 'text', 0, it.wrapW);
        it.w = it.el.offsetWidth;
        it.h = it.el.offsetHeight;
      }
      labelled.forEach(function (o) {
        if (Math.hypot(o.mx - it.mx, o.my - it.my) < 4 * rules.reach) { it.crowd += 1; }
      });
    });
    labelled.forEach(function (it) {  // the badge's size, with the widest number it may show
      setMode(it.el, 'badge', items.length);
    });
    labelled.forEach(function (it) {
      it.bw = it.el.offsetWidth;
      it.bh = it.el.offsetHeight;
      it.el.classList.add('jcm-on');  // and on its own marker
    });
    labelled.forEach(function (it) {
      it.ow = it.el.offsetWidth;
      it.oh = it.el.offsetHeight;
    });
    // The subject of the view (a selected place, the ends of a selected link: what a step or a
    // click speaks of) is named first, in full: never a badge while its text fits somewhere.
    var subject = {};
    labelled.forEach(function (it) { if (it.label.feature.properties.sel) { subject[it.id] = true; } });
    if (state.group.jcmLinks) {
      state.group.jcmLinks.eachLayer(function (l) {
        if (l.feature.properties.sel) {
          jcm.linkEnds(l.feature.properties.id).forEach(function (key) {
            subject[jcm.featureId('place', key)] = true;
          });
        }
      });
    }
    // then the hubs (rules.hubLinks links or more on the map: 天津市), whose name the room looks for
    var hub = hubs(state.group.jcmLinks, rules.hubLinks);
    var rank = function (it) { return (subject[it.id] ? 2 : 0) + (hub[it.id] ? 1 : 0); };
    var order = labelled.filter(function (it) { return it.seen; }).sort(function (a, b) {
      return rank(b) - rank(a) || b.crowd - a.crowd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    var subjects = order.filter(function (it) { return subject[it.id]; }), leads = order.filter(rank);
    // a selected link's year tag (jcm-links.js) is not a control, but no label goes under it either
    var tags = yearTags(map, state.group.jcmYearTags || [], subjects, taken, items, view, rules);
    taken = taken.concat(tags, selectedLines(map, state.group.jcmLinks));
    // A few greedy tries, each starting with the places the tries before could not name, as
    // badges; the best (fewest places unnamed, then fewest badges) wins.
    var best = null, badgeFirst = [];
    for (var attempt = 0; attempt < rules.tries; attempt++) {
      var result = place(order, badgeFirst, taken, items, view, rules, subject);
      if (!best || result.score < best.score) { best = result; }
      if (!result.unnamed.length) { break; }
      badgeFirst = badgeFirst.concat(result.unnamed.filter(function (it) { return !rank(it); }));
      order = leads.concat(badgeFirst, order.filter(function (it) { return badgeFirst.indexOf(it) < 0 && !rank(it); }));
    }
    // Every place left is named all the same, by its number on its own marker, reserved before the
    // others are laid out again around it (four times at most: then where it covers the least).
    var marks = [], hard = controls.concat(tags);
    for (var round = 0; best.unnamed.length; round++) {
      var last = round === 4, around = last ? best.taken : taken.concat(marks.map(function (m) { return m.box; }));
      // a city before the ring around it: a ring left unnamed with its city shares the city's
      // number (the pair reads as one place; the key names both), else its badge is on its rim
      var span = function (o) { return o.mbox.x1 - o.mbox.x0; };
      best.unnamed.sort(function (a, b) { return span(a) - span(b); }).forEach(function (it) {
        var co = marks.filter(function (m) { return m.it.mx === it.mx && m.it.my === it.my; })[0];
        if (co && span(co.it) < span(it)) {
          marks.push({it: it, box: co.box, with: co.it});
          return;
        }
        var box = onMarker(it, around, hard, view, items);
        marks.push({it: it, box: box, with: null});
        around.push(box);
        if (co) { co.box = box; co.with = it; }  // its ring, named on its rim a round before: shares it now
      });
      if (last) { break; }
      var boxes = marks.map(function (m) { return m.box; });
      best = place(best.order.filter(function (it) { return !marks.some(function (m) { return m.it === it; }); }),
                   best.badgeFirst, taken.concat(boxes), items, view, rules, subject);
    }
    marks.forEach(function (m) { best.spots[m.it.id] = {mode: 'badge', box: m.box, on: true, with: m.with}; });
    var shown = [];
    labelled.forEach(function (it) {
      var spot = best.spots[it.id];
      it.with = spot && spot.with;
      setMode(it.el, spot ? spot.mode : 'none', items.length, it.wrapW);
      onTop(it, !!(spot && spot.on));
      // a label on a link's middle lets the click there through to the link (its marker keeps its own)
      it.el.classList.toggle('jcm-thru', !!spot && middles.some(function (m) {
        return reachOf(spot.box, m[0], m[1]) === 0;
      }));
      if (spot) { show(it.el, it, spot.box); }
      if (spot && spot.mode === 'badge') { shown.push(it); }
    });
    // Numbers follow the data's order, so a place keeps its number while the others move.
    shown.sort(function (a, b) { return items.indexOf(a) - items.indexOf(b); });
    var n = 0;
    shown.forEach(function (it) { if (!it.with) { it.number = ++n; } });
    shown.forEach(function (it) {
      if (it.with) { it.number = it.with.number; }
      it.el.querySelector('.jcm-n').textContent = String(it.number);
    });
    return shown.sort(function (a, b) { return a.number - b.number || items.indexOf(a) - items.indexOf(b); });
  }

  /* Lay the labels of labels out beside the markers of places, now and on every change, while
     group (the map's dynamic part) is on the map. */
  jcm.labelLayout = function (group, places, labels, rules) {
    var map = group._map, state = {map: map, group: group, places: places, rules: rules, labelOf: {}}, timer = null;
    labels.eachLayer(function (l) { state.labelOf[l.feature.properties.id] = l; });
    var key = keyControl(map), div = key.getContainer(), keyIds = null;
    function run() {
      // a pass scheduled for a map or a dynamic part that has gone is dropped
      if (!map._loaded || !map.getContainer().isConnected || !group._map) { return; }
      // Never while the map moves (a flight to a tour step's extent, a zoom or pan animation, a
      // drag): a pass then fans out and places for a view being left, and the room would see
      // labels and line ends jump. The move's end lays out again.
      if (moving) { return; }
      if (map._animatingZoom || (map._panAnim && map._panAnim._inProgress)) { schedule(); return; }
      settle();
      if (keyCorner(map, key, state.items)) {
        div = key.getContainer();  // Leaflet made it anew in its new corner, empty
        keyIds = null;
        settle();
      }
      map.getContainer().setAttribute('data-labels-laid-out', String(++state.runs));
      map.getContainer().setAttribute('data-labels-settled', 'true');  // what tests wait for
      map.fire('jcmlaidout');  // the key's size is known now (jcm-view.js frames around it)
    }
    state.runs = 0;
    /* Lay out and fill the key; when the key changed size, and the controls stacked on it moved (the
       timeline), lay out again around it, until the key stays the same (a few rounds at most). */
    function settle() {
      var idsOf = function (bs) { return bs.map(function (it) { return it.id + '#' + it.number; }).join('|'); };
      var badges = layoutOnce(state), ids = idsOf(badges);
      // A new map is laid out once before it is framed (jcm-view.js sets jcmViewKey), at a view the
      // room never sees: its key stays empty there, neither framed around nor moved to another corner.
      if (map.jcmViewKey === undefined) { return; }
      for (var round = 0; ids !== keyIds && round < 4; round++) {
        keyIds = ids;
        fillKey(div, badges);
        badges = layoutOnce(state);
        ids = idsOf(badges);
      }
      if (ids !== keyIds) {
        keyIds = ids;
        fillKey(div, badges);
      }
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, 20);
      map.getContainer().setAttribute('data-labels-settled', 'false');
    }
    var moving = false;
    function started() {
      moving = true;
      map.getContainer().setAttribute('data-labels-settled', 'false');
    }
    function stopped() {
      moving = false;
      schedule();
    }
    map.on('zoomstart movestart', started);
    map.on('moveend', stopped);
    // st_folium adds the map's stylesheets without waiting for them, and a busy machine runs the
    // first layouts before they arrive: labels measured unstyled have the wrong size, so lay out
    // again as each one loads (as for fonts)
    var pending = Array.prototype.filter.call(document.querySelectorAll('link[rel="stylesheet"]'),
                                              function (link) { return !link.sheet; });
    pending.forEach(function (link) { link.addEventListener('load', schedule); });
    map.on('zoomend resize jcmcontrolsmoved', schedule);  // the last: the presenter's lower-left controls docked (jcm-view.js)
    // the page's panels over the map are drawn after the map's update, and change size with it
    var panelsAt = panelKey(), watch = setInterval(function () {
      var now = panelKey();
      if (now !== panelsAt) { panelsAt = now; schedule(); }
    }, 250);
    map.on('unload', function () { clearTimeout(timer); clearInterval(watch); });
    jcm.whenGone(group, function () {
      clearTimeout(timer);
      clearInterval(watch);
      map.off('zoomend resize jcmcontrolsmoved', schedule);
      map.off('zoomstart movestart', started);
      map.off('moveend', stopped);
      if (document.fonts) { document.fonts.removeEventListener('loadingdone', schedule); }
      pending.forEach(function (link) { link.removeEventListener('load', schedule); });
      key.remove();
    });
    if (document.fonts && document.fonts.ready) {
      // a label measured before its font arrived has the fallback font's width: lay out again
      document.fonts.ready.then(schedule);
      document.fonts.addEventListener('loadingdone', schedule);
    }
    run();
    return state;
  };
})();
