/* The presenter view's keys, in the Streamlit page (same origin as the map's iframe).
 * → PageDown Space: next tour step; ← PageUp: previous (clickers send PageUp/PageDown);
 * Esc: close the details panel, else leave the presenter view. Each key clicks the visible button
 * that does the same, so keys and mouse share one path through Streamlit. Keys typed into a text
 * field, a select box or an open popover are left alone; inside the map's iframe the arrows stay
 * Leaflet's (they pan), the other keys work there too.
 * A key pressed while the run of the previous one is still under way waits for it: until that run is
 * drawn, the buttons on screen are the old step's (at step 1 "previous" is still disabled, and a
 * second "next" would only repeat the first click), so PageDown PageUp would lose the PageUp and
 * two quick PageDowns would move one step. The run drawn is told by ui/controls.expose's data-run,
 * its end by Streamlit's own marks (its status widget, stale elements).
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

  var WAIT_MS = 5000;  // a run that never comes (the server gone): keys work again after this
  var pendingRun = null, pendingSince = 0, queue = [];

  function drawnRun() {
    var view = document.querySelector('[data-jcm-view]');
    return view ? view.getAttribute('data-run') : null;
  }

  function act(action) {
    if (pendingRun !== null) { queue.push(action); return true; }
    var run = drawnRun(), done = action();
    if (done) { pendingRun = run; pendingSince = Date.now(); }
    return done;
  }

  function settled() {  // a new run drawn, and nothing of the old one left (Streamlit marks it stale)
    return drawnRun() !== pendingRun && !document.querySelector('[data-stale="true"], [data-testid="stStatusWidget"]');
  }

  window.setInterval(function () {
    if (pendingRun === null || (!settled() && Date.now() - pendingSince < WAIT_MS)) { return; }
    pendingRun = null;
    if (queue.length) { act(queue.shift()); }
  }, 40);

  function next() { return click('jcm_next'); }
  function prev() { return click('jcm_prev'); }
  function escape() { return click('jcm_close') || click('jcm_exit'); }

  function typing(el) {
    return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function onKey(event, inMap) {
    if (!document.querySelector('.st-key-jcm_bar')) { return; }  // not presenting
    if (typing(event.target) || document.querySelector('[data-testid="stPopoverBody"]')) { return; }
    var key = event.key, done = false;
    if (key === ' ' && event.target && event.target.tagName === 'BUTTON') { return; }
    if (key === 'PageDown' || key === ' ' || (!inMap && key === 'ArrowRight')) { done = act(next); }
    else if (key === 'PageUp' || (!inMap && key === 'ArrowLeft')) { done = act(prev); }
    else if (key === 'Escape') { done = act(escape); }
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
