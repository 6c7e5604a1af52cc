(function (cfg) {
  'use strict';
  if (!cfg || window.__bowInboxWidget) { return; }
  window.__bowInboxWidget = true;
  var t = cfg.texts, api = cfg.api + '/widget/api/' + encodeURIComponent(cfg.key), store = 'bowinbox-widget:' + cfg.key;
  var token = null, lastId = 0, timer = null, open = false, moved = false, seen = {};
  try { token = localStorage.getItem(store); } catch (e) { token = null; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (text) { e.textContent = text; }
    return e;
  }
  function ink(hex) {
    var n = parseInt(hex.slice(1), 16), c = [n >> 16 & 255, n >> 8 & 255, n & 255].map(function (v) {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] > 0.179 ? '#000' : '#fff';
  }
  var fg = ink(cfg.color);
  var css = '.bwi-root{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:15px/1.4 system-ui,sans-serif;color:#111}' +
    '.bwi-root *{box-sizing:border-box}' +
    '.bwi-launch{width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:' + cfg.color + ';color:' + fg + ';font-size:26px;box-shadow:0 2px 8px rgba(0,0,0,.3)}' +
    '.bwi-root :focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 5px #fff}' +
    '.bwi-panel{position:absolute;right:0;bottom:68px;width:min(360px,calc(100vw - 32px));height:min(540px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;border:1px solid #666;border-radius:12px;overflow:hidden;box-shadow:0 4px 16px rgba(0,0,0,.3)}' +
    '.bwi-panel[hidden]{display:none}' +
    '.bwi-head{display:flex;align-items:center;justify-content:space-between;padding:10px 12px;background:' + cfg.color + ';color:' + fg + '}' +
    '.bwi-head h2{margin:0;font-size:16px}' +
    '.bwi-close{background:transparent;border:0;color:inherit;font-size:22px;cursor:pointer;min-width:44px;min-height:44px}' +
    '.bwi-log{flex:1;overflow-y:auto;padding:12px;margin:0;list-style:none}' +
    '.bwi-log p{max-width:85%;margin:0 0 8px;padding:8px 10px;border-radius:10px;background:#eee;white-space:pre-wrap;word-wrap:break-word}' +
    '.bwi-log p.bwi-mine{margin-left:auto;background:#dbe8fb}' +
    '.bwi-status{padding:0 12px;color:#8a1111;font-size:14px}' +
    '.bwi-form{display:flex;gap:6px;padding:8px 12px;border-top:1px solid #ccc}' +
    '.bwi-form textarea,.bwi-form input{flex:1;font:inherit;padding:8px;border:1px solid #666;border-radius:6px;resize:none;min-height:44px}' +
    '.bwi-btn{font:inherit;padding:8px 12px;border-radius:6px;border:0;cursor:pointer;background:' + cfg.color + ';color:' + fg + ';min-height:44px}' +
    '.bwi-more{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 10px}' +
    '.bwi-link{background:#fff;color:#0b3d91;border:1px solid #0b3d91}' +
    '.bwi-more p{margin:4px 0;font-size:13px}' +
    '.bwi-more a{color:#0b3d91;text-decoration:underline}' +
    '.bwi-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

  var root = el('div', { 'class': 'bwi-root', lang: cfg.lang });
  root.appendChild(el('style', {}, css));
  var launch = el('button', { type: 'button', 'class': 'bwi-launch', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'bwi-panel' }, '\u{1F4AC}');
  var panel = el('section', { id: 'bwi-panel', 'class': 'bwi-panel', role: 'dialog', 'aria-labelledby': 'bwi-title', hidden: '' });
  var head = el('div', { 'class': 'bwi-head' });
  head.appendChild(el('h2', { id: 'bwi-title' }, t.title));
  var close = el('button', { type: 'button', 'class': 'bwi-close', 'aria-label': t.close }, '\u00D7');
  head.appendChild(close);
  var log = el('div', { 'class': 'bwi-log', role: 'log', 'aria-live': 'polite', 'aria-label': t.conversation, tabindex: '0' });
  var greet = el('p', {}, cfg.greeting);
  log.appendChild(greet);
  var status = el('p', { 'class': 'bwi-status', role: 'status', 'aria-live': 'assertive' });
  var form = el('form', { 'class': 'bwi-form' });
  form.appendChild(el('label', { 'for': 'bwi-text', 'class': 'bwi-sr' }, t.message));
  var text = el('textarea', { id: 'bwi-text', rows: '2', maxlength: String(cfg.maxLength), placeholder: t.placeholder });
  form.appendChild(text);
  var send = el('button', { type: 'submit', 'class': 'bwi-btn' }, t.send);
  form.appendChild(send);
  var more = el('div', { 'class': 'bwi-more' });
  var wa = el('button', { type: 'button', 'class': 'bwi-btn bwi-link', 'data-bwi': 'whatsapp' }, t.whatsapp);
  var mail = el('form', { 'class': 'bwi-form', 'data-bwi': 'email' });
  mail.appendChild(el('label', { 'for': 'bwi-email', 'class': 'bwi-sr' }, t.email));
  var email = el('input', { id: 'bwi-email', type: 'email', autocomplete: 'email', placeholder: t.email });
  mail.appendChild(email);
  mail.appendChild(el('button', { type: 'submit', 'class': 'bwi-btn bwi-link' }, t.save));
  more.appendChild(wa);
  panel.appendChild(head); panel.appendChild(log); panel.appendChild(status); panel.appendChild(form); panel.appendChild(more); panel.appendChild(mail);
  root.appendChild(panel); root.appendChild(launch);
  document.body.appendChild(root);
  function setExtras() { wa.hidden = !token || moved; mail.hidden = !token || moved; text.disabled = moved; send.disabled = moved; }
  setExtras();

  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) { headers['X-Widget-Visitor'] = token; }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, mode: 'cors', credentials: 'omit' })
      .then(function (r) {
        return r.status === 204 ? {} : r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) { var err = new Error(j.detail || t.failed); err.status = r.status; throw err; }
          return j;
        });
      });
  }
  function add(m) {
    if (seen[m.id]) { return; }
    seen[m.id] = true; lastId = Math.max(lastId, m.id);
    var item = el('p', { 'class': m.mine ? 'bwi-mine' : '' });
    item.appendChild(el('span', { 'class': 'bwi-sr' }, (m.mine ? t.you : t.team) + ': '));
    item.appendChild(document.createTextNode(m.text));
    log.appendChild(item); log.scrollTop = log.scrollHeight;
  }
  function showMoved() {
    if (moved) { return; }
    moved = true; setExtras();
    log.appendChild(el('p', {}, t.moved));
  }
  function poll() {
    clearTimeout(timer);
    if (!token) { return; }
    call('GET', '/messages?after=' + lastId).then(function (h) {
      h.messages.forEach(add);
      if (h.moved) { showMoved(); }
    }, function (e) {
      if (e.status === 401) { token = null; try { localStorage.removeItem(store); } catch (x) { /* private mode */ } setExtras(); }
    }).then(function () { if (open && !moved) { timer = setTimeout(poll, cfg.pollSeconds * 1000); } });
  }
  function toggle(show) {
    open = show; panel.hidden = !show; launch.setAttribute('aria-expanded', String(show));
    if (show) { text.focus(); poll(); } else { clearTimeout(timer); launch.focus(); }
  }
  launch.addEventListener('click', function () { toggle(!open); });
  close.addEventListener('click', function () { toggle(false); });
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { toggle(false); } });
  text.addEventListener('keydown', function (e) { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); } });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var value = text.value.trim();
    if (!value) { status.textContent = t.empty; return; }
    send.disabled = true; status.textContent = '';
    call('POST', '/messages', { text: value }).then(function (r) {
      token = r.token; try { localStorage.setItem(store, token); } catch (x) { /* private mode */ }
      text.value = ''; add(r.message); setExtras();
      if (r.notice) { status.textContent = r.notice; }
      poll();
    }, function (err) { status.textContent = err.message; if (err.status === 409) { showMoved(); } })
      .then(function () { send.disabled = moved; });
  });
  mail.addEventListener('submit', function (e) {
    e.preventDefault();
    call('POST', '/email', { email: email.value.trim() }).then(function () { email.value = ''; status.textContent = t.saved; }, function (err) { status.textContent = err.message; });
  });
  wa.addEventListener('click', function () {
    call('POST', '/whatsapp').then(function (o) {
      var box = el('div', { 'data-bwi': 'handover' });
      box.appendChild(el('p', {}, t.consent));
      var a = el('a', { href: o.link, target: '_blank', rel: 'noopener' }, t.openWhatsapp);
      box.appendChild(a);
      box.appendChild(el('p', {}, t.code + ' ' + o.code));
      more.replaceChildren(box); a.focus(); poll();
    }, function (err) { status.textContent = err.message; });
  });
  if (token) { poll(); }
})(/*CONFIG*/);
