/* The selection (core/map/selection.py): a click highlighted at once and sent to the app at once,
 * as st_folium would send it (ui/mapclick.py reads it).
 */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

  /* A click on a place, its label or a link (mouse, keyboard or the badge key): highlighted at
     once and sent to the app at once (core/map/selection.py Selection). The value is what
     st_folium itself would send for returned_objects ["last_active_drawing"], plus a token, and
     st_folium's own debounced report then finds nothing new to send: one click, one rerun. */
  jcm.selection = function (group, links, opts) {
    var selected = opts.selected;
    group.on('click', function (e) {
      var layer = e.sourceTarget || e.layer, f = layer && layer.feature, id = f && f.properties.id;
      jcm.closeTips(group._map, e);  /* it stayed over the new view's neighbours */
      if (typeof id !== 'string' || id === selected) { return; }
      selected = id;
      highlight(id);
      setTimeout(function () { send(id); }, 0);  /* after st_folium's own handlers of this click */
    });
    function highlight(id) {
      var place = jcm.keyOf(id, 'place');
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
