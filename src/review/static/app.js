// Light progressive enhancement for the clerk UI; every page works without it.
// Loaded from our own origin only (CSP script-src 'self'); it never inserts markup, only text and styles.
(function () {
  'use strict';
  var csrf = document.body.getAttribute('data-csrf') || '';

  // Keep the item's lock while the page is open.
  var lockMine = document.getElementById('lock-mine');
  if (lockMine) {
    var item = lockMine.getAttribute('data-item');
    setInterval(function () {
      fetch('/items/' + item + '/lock', { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          if (!j.ok) lockMine.textContent = 'Блокировка потеряна: обращение открыто у ' + (j.holder || 'другого специалиста') + '. Обновите страницу.';
          else lockMine.setAttribute('data-until', j.until);
        })
        .catch(function () { /* the next renewal retries */ });
    }, 60000);
  }

  // Reject templates: choosing one fills the (editable) reply text.
  var template = document.getElementById('reject-template');
  var text = document.getElementById('reject-text');
  if (template && text) {
    template.addEventListener('change', function () {
      var opt = template.options[template.selectedIndex];
      if (opt) text.value = opt.getAttribute('data-body') || '';
    });
  }

  // Photos: zoom and rotate (CSS transforms set from script, allowed by the CSP).
  function photoState(fig) {
    return { zoom: Number(fig.getAttribute('data-zoom') || '1'), rotate: Number(fig.getAttribute('data-rotate') || '0') };
  }
  function applyPhoto(fig, s) {
    fig.setAttribute('data-zoom', String(s.zoom));
    fig.setAttribute('data-rotate', String(s.rotate));
    var stage = fig.querySelector('.photo-stage');
    if (stage) stage.style.transform = 'scale(' + s.zoom + ') rotate(' + s.rotate + 'deg)';
  }
  function photoAction(fig, act) {
    var s = photoState(fig);
    if (act === 'zoom-in') s.zoom = Math.min(8, s.zoom * 1.5);
    if (act === 'zoom-out') s.zoom = Math.max(0.25, s.zoom / 1.5);
    if (act === 'rotate') s.rotate = (s.rotate + 90) % 360;
    if (act === 'reset') s = { zoom: 1, rotate: 0 };
    applyPhoto(fig, s);
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-photo]'), function (btn) {
    btn.addEventListener('click', function () {
      var fig = btn.closest('figure.photo');
      if (fig) photoAction(fig, btn.getAttribute('data-photo'));
    });
  });

  // Keyboard: n next item, r reject, c values, / search, z/x zoom/rotate the first photo.
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var tag = t && t.tagName ? t.tagName.toLowerCase() : '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable)) return;
    var el;
    switch (e.key) {
      case 'n':
        el = document.getElementById('next-item') || document.querySelector('a.next-item');
        if (el) { e.preventDefault(); window.location.href = el.getAttribute('href'); }
        break;
      case 'r':
        el = document.getElementById('reject-text');
        if (el) { e.preventDefault(); el.scrollIntoView({ block: 'center' }); el.focus(); }
        break;
      case 'c':
        el = document.getElementById('first-value');
        if (el) { e.preventDefault(); el.focus(); el.select(); }
        break;
      case '/':
        el = document.getElementById('queue-search');
        if (el) { e.preventDefault(); el.focus(); }
        break;
      case 'z':
      case 'x':
        el = document.querySelector('figure.photo');
        if (el) { e.preventDefault(); photoAction(el, e.key === 'z' ? 'zoom-in' : 'rotate'); }
        break;
    }
  });
})();
