/* The timeline: a play button on the map that grows the map year by year, entirely in the browser
 * (no server round trip per frame; the frame is this script's state, not the URL's).
 *
 * Frames: one per calendar year from the first agreement to the last, then one that adds the
 * links without a year (the whole map). A link is "born" in its year (property y); a link without
 * y is born in the last frame. Links not yet born leave the map; places without a visible link
 * are dimmed, never removed, so labels do not jump. Wired by core/map/timeline.py.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  function endsOf(id) {  /* "link:<japan>–<china>" -> ["place:<japan>", "place:<china>"] */
    return jcm.linkEnds(id).map(function (key) { return jcm.featureId('place', key); });
  }

  /* Button symbols as SVG paths (a 24x24 box): the media-control characters are missing from
     many fonts, and a missing glyph is an empty box on the projector. */
  var ICONS = {
    back: 'M5 4h2.5v16H5zM19 4v16L8.5 12z',
    play: 'M7 4v16l13-8z',
    pause: 'M6 4h4.5v16H6zM13.5 4H18v16h-4.5z',
    forward: 'M16.5 4H19v16h-2.5zM5 4v16l10.5-8z',
    close: 'M6 4.2 4.2 6l6 6-6 6L6 19.8l6-6 6 6 1.8-1.8-6-6 6-6L18 4.2l-6 6z'
  };

  function setButton(b, icon, title) {
    b.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="' + ICONS[icon] + '"/></svg>';
    b.title = title;
    b.setAttribute('aria-label', title);
  }

  function button(parent, icon, title, onClick) {
    var b = L.DomUtil.create('button', 'jcm-tl-btn', parent);
    b.type = 'button';
    setButton(b, icon, title);
    L.DomEvent.on(b, 'click', function (e) { L.DomEvent.stop(e); onClick(); });
    return b;
  }

  /* opts: years [first, last] or null, start (a year to stop at, or null: the whole map), frameMs,
     texts {title, play, pause, back, forward, close, undated} (already in the reader's language). */
  jcm.timeline = function (group, linkLayers, placeLayers, opts) {
    var map = group._map;
    var links = [], places = [];
    linkLayers.forEach(function (clickable) {
      [clickable].concat(clickable.jcmParts || []).forEach(function (group) {
        group.eachLayer(function (l) { links.push({layer: l, group: group, y: l.feature.properties.y}); });
      });
    });
    placeLayers.forEach(function (group) { group.eachLayer(function (l) { places.push(l); }); });
    var first = opts.years ? opts.years[0] : null, last = opts.years ? opts.years[1] : null;
    var count = opts.years ? last - first + 2 : 1;  /* every year, then "with undated" */
    var frame = null, timer = null, T = opts.texts;

    var control = L.control({position: 'bottomleft'});
    var box, yearEl, playBtn;
    control.onAdd = function () {
      box = L.DomUtil.create('div', 'jcm-timeline');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', T.title);
      yearEl = L.DomUtil.create('div', 'jcm-tl-year', box);
      yearEl.setAttribute('aria-live', 'polite');
      var row = L.DomUtil.create('div', 'jcm-tl-row', box);
      button(row, 'back', T.back, function () { step(-1); });
      playBtn = button(row, 'play', T.play, toggle);
      button(row, 'forward', T.forward, function () { step(1); });
      button(row, 'close', T.close, close);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);

    function yearOf(f) { return f < count - 1 ? first + f : null; }

    /* Show frame f (null: the whole map, timeline closed). */
    function show(f) {
      frame = f;
      var until = f === null ? Infinity : yearOf(f), all = f === null || f === count - 1;
      var lit = {};
      links.forEach(function (k) {
        var born = all || (k.y !== undefined && k.y <= until);
        if (born) {
          if (!k.group.hasLayer(k.layer)) { k.group.addLayer(k.layer); }
          endsOf(k.layer.feature.properties.id).forEach(function (p) { lit[p] = true; });
        } else if (k.group.hasLayer(k.layer)) {
          k.group.removeLayer(k.layer);
        }
      });
      places.forEach(function (l) { l.setOpacity(all || lit[l.feature.properties.id] ? 1 : 0.3); });
      L.DomUtil[f === null ? 'removeClass' : 'addClass'](box, 'jcm-tl-on');
      L.DomUtil[all && f !== null ? 'addClass' : 'removeClass'](box, 'jcm-tl-all');
      yearEl.textContent = f === null ? '' : (all ? T.undated : String(until));
      map.getContainer().setAttribute('data-timeline', f === null ? '' : (all ? 'all' : String(until)));
    }

    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
      setButton(playBtn, 'play', T.play);
    }

    function step(d) {
      stop();
      var f = frame === null ? (d > 0 ? 0 : count - 1) : Math.min(Math.max(frame + d, 0), count - 1);
      show(f);
    }

    function play() {
      if (frame === null || frame === count - 1) { show(0); }
      setButton(playBtn, 'pause', T.pause);
      timer = setInterval(function () {
        show(frame + 1);
        if (frame === count - 1) { stop(); }
      }, opts.frameMs);
    }

    function toggle() { if (timer) { stop(); } else { play(); } }
    function close() { stop(); show(null); }

    /* Keys when the map (or a timeline button) has focus: K play/pause, , and . step, Esc closes. */
    function onKey(e) {
      if (e.altKey || e.ctrlKey || e.metaKey) { return; }
      var k = e.key;
      if (k === 'k' || k === 'K') { toggle(); } else if (k === ',') { step(-1); } else if (k === '.') { step(1); }
      else if (k === 'Escape' && frame !== null) { close(); } else { return; }
      L.DomEvent.stop(e);
    }
    L.DomEvent.on(map.getContainer(), 'keydown', onKey);

    if (!opts.years) { box.style.display = 'none'; }
    /* The year the presenter stepped to stays when the next view replaces this one (a click, a
       filter), unless the app asks for another (a tour step's year). */
    var kept = jcm.timelineKept, year = kept && kept.start === opts.start ? kept.year : opts.start;
    var start = year === null || !opts.years ? null
      : (year === 'all' ? count - 1 : Math.min(Math.max(year - first, 0), count - 2));
    show(start);
    jcm.whenGone(group, function () {
      var f = frame;
      stop();
      jcm.timelineKept = {start: opts.start, year: f === null ? null : (f === count - 1 ? 'all' : yearOf(f))};
      L.DomEvent.off(map.getContainer(), 'keydown', onKey);
      control.remove();
    });
    jcm.timelineState = {
      frame: function () { return frame; }, playing: function () { return !!timer; },
      show: show, step: step, play: play, stop: stop
    };
    return control;
  };
})();
