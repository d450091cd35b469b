/* The legend control (core/map/legend.py); its HTML is built and escaped in Python. */
(function () {
  'use strict';
  var jcm = window.jcm = window.jcm || {};

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
})();
