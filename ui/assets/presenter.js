/* The presenter view's keys, in the Streamlit page (same origin as the map's iframe).
 * → PageDown Space: next tour step; ← PageUp: previous (clickers send PageUp/PageDown);
 * Esc: close the details panel, else leave the presenter view. Each key clicks the visible button
 * that does the same, so keys and mouse share one path through Streamlit. Keys typed into a text
 * field, a select box or an open popover are left alone; inside the map's iframe the arrows stay
 * Leaflet's (they pan), the other keys work there too.
 */
(function () {
  'use strict';
  if (window.__jcmPresenterKeys) { return; }
  window.__jcmPresenterKeys = true;

  function click(key) {
    var button = document.querySelector('.st-key-' + key + ' button');
    if (!button || button.disabled) { return false; }
    button.click();
    return true;
  }

  function typing(el) {
    return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function onKey(event, inMap) {
    if (!document.querySelector('.st-key-jcm_bar')) { return; }  // not presenting
    if (typing(event.target) || document.querySelector('[data-testid="stPopoverBody"]')) { return; }
    var key = event.key, done = false;
    if (key === ' ' && event.target && event.target.tagName === 'BUTTON') { return; }
    if (key === 'PageDown' || key === ' ' || (!inMap && key === 'ArrowRight')) { done = click('jcm_next'); }
    else if (key === 'PageUp' || (!inMap && key === 'ArrowLeft')) { done = click('jcm_prev'); }
    else if (key === 'Escape') { done = click('jcm_close') || click('jcm_exit'); }
    if (done) { event.preventDefault(); event.stopPropagation(); }
  }

  document.addEventListener('keydown', function (e) { onKey(e, false); }, true);
  // The map's iframe is re-created on reruns: listen in every same-origin frame as it appears.
  window.setInterval(function () {
    document.querySelectorAll('iframe').forEach(function (frame) {
      try {
        var doc = frame.contentDocument;
        if (doc && !doc.__jcmPresenterKeys) {
          doc.__jcmPresenterKeys = true;
          doc.addEventListener('keydown', function (e) { onKey(e, true); }, true);
        }
      } catch (err) { /* another origin: not ours */ }
    });
  }, 300);
})();
