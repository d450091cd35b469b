/* Streamlit's own words in the reader's language (ui/style.streamlit_words puts this file in every
 * page, after window.__jcmWords = {lang, words, patterns}). Streamlit writes some texts and labels in
 * English whatever the page's language and has no option for them (README, *Languages*: "Skip to
 * main content", the table and chart toolbars, "Help for …", the "Connection error" dialog, …).
 * `words` maps each such English text to the reader's; `patterns` the texts built around a label
 * ("Help for {label}"). Text, aria-label, title and placeholder are reworded whenever Streamlit draws
 * them (a MutationObserver), in the page and in its same-origin frames (the map's, whose zoom
 * buttons Leaflet titles in English); the English original is remembered, so a change of language
 * rewords from it. A frame keeps its title (tests and scripts find the map's by it) and is named by
 * an aria-label instead. The document's lang attribute follows the reader's language too.
 */
(function () {
  'use strict';
  var ATTRS = ['aria-label', 'title', 'placeholder'];
  var reworded = new Map();  // text node -> {en: Streamlit's English, shown: what this script wrote}
  var config = window.__jcmWords;
  var docs = [document];  // the page and the frames' documents being watched
  var OBSERVED = { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS };

  function compile(patterns) {  // "Help for {label}" -> [/^Help for (.+)$/, "{label}のヘルプ"]
    return Object.keys(patterns).map(function (english) {
      var source = english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{label\}/g, '(.+)');
      return [new RegExp('^' + source + '$'), patterns[english]];
    });
  }

  function reword(english) {
    var trimmed = english.trim();
    if (!trimmed) { return null; }
    if (Object.prototype.hasOwnProperty.call(config.words, trimmed)) {
      return english.replace(trimmed, config.words[trimmed]);
    }
    for (var i = 0; i < config.compiled.length; i++) {
      var m = trimmed.match(config.compiled[i][0]);
      if (m) { return english.replace(trimmed, config.compiled[i][1].replace('{label}', m[1])); }
    }
    return null;
  }

  function text(node) {
    var was = reworded.get(node);
    var english = was && node.data === was.shown ? was.en : node.data;  // else Streamlit wrote it anew
    var shown = reword(english);
    if (shown === null) { reworded.delete(node); return; }
    reworded.set(node, { en: english, shown: shown });
    if (node.data !== shown) { node.data = shown; }
  }

  function attributes(el) {
    if (el.tagName === 'IFRAME' && el.title) {  // the frame keeps its title (what finds it); its name is read
      var name = reword(el.title);
      if (name !== null && el.getAttribute('aria-label') !== name) { el.setAttribute('aria-label', name); }
      return;
    }
    ATTRS.forEach(function (name) {
      if (!el.hasAttribute(name)) { return; }
      var keep = 'data-jcm-en-' + name, kept = el.getAttribute(keep), value = el.getAttribute(name);
      var english = kept !== null && value === reword(kept) ? kept : value;
      var shown = reword(english);
      if (shown === null) { el.removeAttribute(keep); return; }
      el.setAttribute(keep, english);
      if (value !== shown) { el.setAttribute(name, shown); }
    });
  }

  function restore() {  // back to Streamlit's English, before rewording in another language
    reworded.forEach(function (was, node) {
      if (node.isConnected && node.data === was.shown) { node.data = was.en; }
    });
    reworded.clear();
    docs = docs.filter(function (doc) { return !!doc.defaultView; });
    docs.forEach(function (doc) { ATTRS.forEach(function (name) {
      doc.querySelectorAll('[data-jcm-en-' + name + ']').forEach(function (el) {
        var english = el.getAttribute('data-jcm-en-' + name);
        if (el.getAttribute(name) === reword(english)) { el.setAttribute(name, english); }
      });
    }); });
  }

  function frame(el) {  // a same-origin frame: its document is watched once it is there
    if (el.__jcmWords) { return; }
    el.__jcmWords = true;
    var go = function () {
      try {
        var doc = el.contentDocument;
        if (doc && doc.body && docs.indexOf(doc) < 0) { docs.push(doc); watch(doc); walk(doc.body); }
      } catch (e) { /* another origin: not ours to reword */ }
    };
    el.addEventListener('load', go);
    go();
  }

  function walk(root) {
    if (root.nodeType === 3) { text(root); return; }
    if (root.nodeType !== 1 || root.tagName === 'SCRIPT' || root.tagName === 'STYLE') { return; }
    attributes(root);
    if (root.tagName === 'IFRAME') { frame(root); }
    var all = root.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      attributes(all[i]);
      if (all[i].tagName === 'IFRAME') { frame(all[i]); }
    }
    var walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var parent = n.parentElement;
      if (parent && parent.tagName !== 'SCRIPT' && parent.tagName !== 'STYLE') { text(n); }
    }
  }

  function apply(next) {
    if (config.compiled) { restore(); }
    config = next;
    config.compiled = compile(config.patterns);
    document.documentElement.setAttribute('lang', config.lang);
    docs.forEach(function (doc) { if (doc.body) { walk(doc.body); } });
  }

  function watch(doc) {
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (r.type === 'characterData') { text(r.target); }
        else if (r.type === 'attributes') { attributes(r.target); }
        else { r.addedNodes.forEach(walk); }
      });
    }).observe(doc.body, OBSERVED);
  }

  if (window.__jcmWordsApply) { window.__jcmWordsApply(config); return; }  // a rerun or another language
  window.__jcmWordsApply = apply;
  config.compiled = compile(config.patterns);
  apply(config);
  watch(document);
})();
