/* The map itself (core/map/map.py): the jcm namespace every asset adds to, the dynamic part's
 * group and what leaves with it, and the container's CSS variables and focus.
 *
 * One file per concept, named as its Python module (jcm-links.js: core/map/links.py, ...). Data
 * arrives as GeoJSON feature properties (core/map/features.py): every text in them is html-escaped
 * in Python, every other value is a number or an id Python computed. Nothing in these files builds
 * code from data, and no template literal is used.
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};  /* the other assets add to it too */

  /* The dynamic part (core/map/map.py DynamicLayer): a feature group on the map from its
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

  /* A feature's id, as core/map/ids.py writes it: "<kind>:<key>" (kind "place", "link" or "overlay").
     The one place the map's JavaScript builds or reads one. */
  jcm.featureId = function (kind, key) { return kind + ':' + key; };
  /* The key of id if it is a feature of that kind, else null. */
  jcm.keyOf = function (id, kind) {
    return typeof id === 'string' && id.indexOf(kind + ':') === 0 ? id.slice(kind.length + 1) : null;
  };

  /* How far down the map the room sees, in container px: the window's bottom where the page's map
     frame reaches below it (the normal view at 1280x720: its lowest ~130 px), else the map's height. */
  jcm.seenBottom = function (map) {
    var height = map.getSize().y;
    try {
      var frame = window.frameElement;
      if (!frame) { return height; }
      var y = window.parent.innerHeight - frame.getBoundingClientRect().top
        - map.getContainer().getBoundingClientRect().top;
      return Math.max(0, Math.min(height, y));
    } catch (e) { return height; }  // not the page's frame
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
})();
