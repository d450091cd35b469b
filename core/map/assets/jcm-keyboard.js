/* Keyboard and screen-reader access to the map's features (core/map/keyboard.py): every place and
 * link is a tab stop with an accessible name; Enter or Space clicks it (st_folium reports the click,
 * as for the mouse); the arrow keys move to the next or previous one without panning the map. Names
 * and ids are set as attributes, never parsed as HTML. The container's own focus, taken without
 * moving the page, is the map's (jcm-map.js).
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  var KEYS_NEXT = {ArrowRight: 1, ArrowDown: 1}, KEYS_PREV = {ArrowLeft: 1, ArrowUp: 1};

  /* The focusable element of a layer: a link's SVG path or a place's marker shape. */
  function target(l) {
    return l._path || (l._icon && l._icon.querySelector('.jcm-s'));
  }

  /* Tab stops with an accessible name for every feature of layer (kind "place" or "link"). */
  jcm.focusable = function (layer, kind) {
    layer.eachLayer(function (l) {
      var el = target(l), p = l.feature.properties;
      if (!el) { return; }
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', p.name);
      el.setAttribute('data-jcm-focus', kind);
      el.setAttribute('data-jcm-id', p.id);
      if (kind === 'link') { el.setAttribute('data-link', jcm.keyOf(p.id, 'link')); }
      function where() { return l.getLatLng ? l.getLatLng() : l.getCenter(); }
      // Keyboard focus shows the tooltip as hovering does (the layer's own mouse handlers).
      el.addEventListener('focus', function () {
        if (el.matches(':focus-visible')) { l.fire('mouseover', {latlng: where()}, true); }
      });
      el.addEventListener('blur', function () { l.fire('mouseout', {latlng: where()}, true); });
      el.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          l.fire('click', {latlng: where(), originalEvent: e}, true);
        } else if (KEYS_NEXT[e.key] || KEYS_PREV[e.key]) {
          e.preventDefault();
          e.stopPropagation();  // the map's own keyboard handler would pan
          var all = Array.prototype.slice.call(document.querySelectorAll('[data-jcm-focus]'));
          var next = all[(all.indexOf(el) + (KEYS_NEXT[e.key] ? 1 : all.length - 1)) % all.length];
          next.focus();
        }
      });
      // the feature that had the focus in the dynamic part this one replaced (Enter on a place)
      if (p.id === jcm.focusedId) { el.focus({preventScroll: true}); }
    });
  };
})();
