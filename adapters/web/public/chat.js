// Endorse web chat. Plain browser JS, no build step. Every piece of data reaches the page through
// textContent or element properties, never innerHTML, so nothing the server or a user sends is
// ever interpreted as markup.
(function () {
  'use strict';

  var API = '/chat/api';
  // The page's words, in its language, filled in by the server (adapters/web/page.ts).
  var PAGE = readStrings();
  var LANG = PAGE.lang || 'en';
  var els = {
    who: byId('who'),
    signout: byId('signout'),
    signin: byId('signin'),
    demo: byId('demo'),
    demoUsers: byId('demo-users'),
    chat: byId('chat'),
    log: byId('log'),
    composer: byId('composer'),
    input: byId('input'),
    count: byId('count'),
    status: byId('status'),
    attach: byId('attach'),
    attachInput: byId('attach-input'),
    replying: byId('replying'),
    replyingText: byId('replying-text'),
    replyCancel: byId('reply-cancel'),
    signinReason: byId('signin-reason'),
  };
  var entries = {}; // entry id -> { node: <li>, json: the view it shows }
  var stream = null;
  var maxFileBytes = 10 * 1024 * 1024;
  var replyingTo = null; // { id, excerpt } while the composer answers a relayed message
  var submits = false; // the signed-in person may submit candidates (agency roles)
  var sessionOver = false;
  // The server's limit for one message (src/domain/limits.ts, webMessage). Past it the composer
  // refuses to send and keeps the text; it never cuts what was typed or pasted.
  var maxTextChars = 8000;
  var countFrom = 1000;

  function byId(id) {
    return document.getElementById(id);
  }

  function readStrings() {
    try {
      return JSON.parse(document.getElementById('strings').textContent);
    } catch (e) {
      return { lang: 'en', strings: {} };
    }
  }

  // A catalogue text with `{name}` filled from params; the key itself if the page lacks it.
  function T(key, params) {
    var text = (PAGE.strings && PAGE.strings[key]) || key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && params[name] !== undefined ? String(params[name]) : whole;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      if (Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== undefined && attrs[key] !== null) {
        if (key === 'text') fillText(node, attrs[key]);
        else if (key === 'className') node.className = attrs[key];
        else node.setAttribute(key, attrs[key]);
      }
    }
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  // crypto.randomUUID exists only in secure contexts (https, localhost); fall back for plain http.
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) {
      return (x + 0x100).toString(16).slice(1);
    });
    return (
      h.slice(0, 4).join('') +
      '-' +
      h.slice(4, 6).join('') +
      '-' +
      h.slice(6, 8).join('') +
      '-' +
      h.slice(8, 10).join('') +
      '-' +
      h.slice(10).join('')
    );
  }

  // Outcome and comment markers drawn as icons, so they show without an emoji font (many
  // desktops have none). The marker's meaning stays readable to screen readers.
  var SVG = 'http://www.w3.org/2000/svg';
  var ICONS = {
    '✅': { name: 'ok', label: T('web.icon.done'), path: 'M5 12.5l4.5 4.5L19 7.5' },
    '⚠️': { name: 'warn', label: T('web.icon.note'), path: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3' },
    '⚠': { name: 'warn', label: T('web.icon.note'), path: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3' },
    '⛔': { name: 'stop', label: T('web.icon.stopped'), path: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM7 12h10' },
    '💬': { name: 'note', label: T('web.icon.comment'), path: 'M4 5h16v11H9l-5 4V5z' },
    '📎': {
      name: 'file',
      label: T('web.icon.file'),
      path: 'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5',
    },
    '📝': { name: 'note', label: '', path: 'M5 19l1-4L16 5l3 3L9 18l-4 1z' },
    // Already in System: the employer's own record (a folder); the words after it say the rest.
    '🗂': { name: 'record', label: '', path: 'M3 6.5h6l2 2.5h10v10H3zM3 9h18' },
  };
  var MARKERS = /(✅|⚠️|⚠|⛔|💬|📎|📝|🗂)\uFE0F?\s?/;

  function icon(marker) {
    var spec = ICONS[marker];
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon icon-' + spec.name);
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', spec.path);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2.2');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
    var wrap = el('span', { className: 'marker' }, [svg]);
    if (spec.label) wrap.appendChild(el('span', { className: 'visually-hidden', text: spec.label }));
    return wrap;
  }

  // A reference (C-10, D-3, S-1a2b3c4d) is one word: a phone's narrow bubble must not break it at its hyphen.
  var REFS = /\b(?:[CD]-\d+|S-[0-9a-f]{8})\b/;

  function appendWords(node, text) {
    var rest = text;
    var match;
    while ((match = REFS.exec(rest))) {
      if (match.index > 0) node.appendChild(document.createTextNode(rest.slice(0, match.index)));
      var ref = document.createElement('span');
      ref.className = 'ref';
      ref.textContent = match[0];
      node.appendChild(ref);
      rest = rest.slice(match.index + match[0].length);
    }
    if (rest) node.appendChild(document.createTextNode(rest));
  }

  // Text as nodes: markers become icons, everything else stays text (never markup).
  function fillText(node, text) {
    var rest = String(text === undefined || text === null ? '' : text);
    var match;
    while ((match = MARKERS.exec(rest))) {
      if (match.index > 0) appendWords(node, rest.slice(0, match.index));
      node.appendChild(icon(match[1]));
      rest = rest.slice(match.index + match[0].length);
    }
    if (rest) appendWords(node, rest);
    return node;
  }

  function request(path, options) {
    var opts = options || {};
    var init = { method: opts.method || 'GET', credentials: 'same-origin', headers: opts.headers || {} };
    // What the server says (refusals, errors) comes in the page's language.
    init.headers['Accept-Language'] = LANG;
    if (opts.json !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.json);
    } else if (opts.body !== undefined) {
      init.body = opts.body;
    }
    return fetch(API + path, init).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!res.ok) {
            var error = new Error(data.message || T('web.error.status', { status: res.status }));
            error.status = res.status;
            throw error;
          }
          return data;
        });
    });
  }

  function setStatus(text) {
    els.status.textContent = text || '';
  }

  function showError(error) {
    addLocal('error', error && error.message ? error.message : T('web.error.generic'));
  }

  // ---- sign-in state -------------------------------------------------------------------------

  function start() {
    request('/session')
      .then(function (session) {
        maxFileBytes = session.maxFileBytes || maxFileBytes;
        if (session.signedIn) openChat(session.user);
        else showSignIn(session.demoUsers || [], sessionOver);
      })
      .catch(function (error) {
        setStatus(error.message);
      });
  }

  // `ended`: the chat was open and the server no longer knows the session (a restart with a new
  // key, an expired cookie): say so once, and show the way back in, instead of an error per message.
  function showSignIn(demoUsers, ended) {
    closeStream();
    cancelReply();
    els.signinReason.hidden = !ended;
    els.signinReason.textContent = ended
      ? T('web.signIn.ended') + (demoUsers.length > 0 ? ' ' + T('web.signIn.endedDemo') : '')
      : '';
    els.chat.hidden = true;
    els.signout.hidden = true;
    els.who.textContent = '';
    els.signin.hidden = false;
    els.demoUsers.replaceChildren();
    els.demo.hidden = demoUsers.length === 0;
    demoUsers.forEach(function (user) {
      var detail = (user.roleLabel || user.role) + (user.agency ? ', ' + user.agency : '');
      var button = el('button', { type: 'button', className: 'demo-user' }, [
        el('span', { className: 'demo-name', text: user.name }),
        el('span', { className: 'demo-detail', text: detail }),
      ]);
      button.addEventListener('click', function () {
        button.disabled = true;
        request('/demo-login', { method: 'POST', json: { userId: user.id } })
          .then(start)
          .catch(function (error) {
            button.disabled = false;
            setStatus(error.message);
          });
      });
      els.demoUsers.appendChild(el('li', {}, [button]));
    });
  }

  function openChat(user) {
    sessionOver = false;
    els.signin.hidden = true;
    els.chat.hidden = false;
    els.signout.hidden = false;
    els.who.textContent = user ? user.name + (user.agency ? ' · ' + user.agency : '') : T('web.notLinked');
    // Only agency people submit candidates, so only they get the resume button and the hint.
    submits = Boolean(user) && (user.role === 'AGENCY_USER' || user.role === 'AGENCY_ADMIN');
    els.attach.hidden = !submits;
    els.input.placeholder = idlePlaceholder();
    setStatus('');
    els.log.replaceChildren();
    entries = {};
    loadHistory(true);
    openStream();
    els.input.focus();
  }

  function loadHistory(first) {
    request('/history')
      .then(function (data) {
        (data.entries || []).forEach(upsert);
        if (first && (!data.entries || data.entries.length === 0))
          addLocal('hint', submits ? T('web.hint.submit') : T('web.hint'));
      })
      .catch(function (error) {
        if (error.status === 401) return sessionEnded();
        if (first) showError(error);
      });
  }

  function sessionEnded() {
    if (sessionOver) return;
    sessionOver = true;
    start();
  }

  function openStream() {
    closeStream();
    if (!window.EventSource) return;
    stream = new EventSource(API + '/stream');
    // The server ends each stream after a few seconds and the browser reconnects; re-reading the
    // history on every (re)connect fills any gap, and identical entries are skipped by upsert.
    var opened = false;
    stream.onopen = function () {
      if (opened) loadHistory();
      opened = true;
    };
    // A refused stream (401 after a restart) is closed for good by the browser: ask why.
    stream.onerror = function () {
      if (stream && stream.readyState === 2) {
        request('/session')
          .then(function (session) {
            if (!session.signedIn) sessionEnded();
            else openStream();
          })
          .catch(function () {
            /* the server is down; the next message says so */
          });
      }
    };
    stream.onmessage = function (event) {
      try {
        upsert(JSON.parse(event.data));
      } catch (e) {
        /* a malformed event is skipped; the next one still renders */
      }
    };
  }

  function closeStream() {
    if (stream) stream.close();
    stream = null;
  }

  els.signout.addEventListener('click', function () {
    request('/logout', { method: 'POST', json: {} }).then(start).catch(showError);
  });

  // ---- sending -------------------------------------------------------------------------------

  els.composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = els.input.value.trim();
    if (!text) return;
    if (text.length > maxTextChars) {
      setStatus(T('web.tooLong', { max: formatCount(maxTextChars), count: formatCount(text.length) }));
      return;
    }
    els.input.value = '';
    var body = { type: 'text', text: text };
    if (replyingTo) body.replyTo = replyingTo.id;
    cancelReply();
    showCount();
    send(body, text);
  });

  // ---- replying to a relayed message -------------------------------------------------------

  function startReply(id, excerpt) {
    replyingTo = { id: id, excerpt: excerpt };
    els.replyingText.textContent = T('web.replyingTo', { excerpt: excerpt });
    els.replying.hidden = false;
    els.input.placeholder = T('web.input.placeholderReply');
    els.input.focus();
  }

  function cancelReply() {
    replyingTo = null;
    els.replying.hidden = true;
    els.replyingText.textContent = '';
    els.input.placeholder = idlePlaceholder();
  }

  function idlePlaceholder() {
    return submits ? T('web.input.placeholderSubmit') : T('web.input.placeholder');
  }

  els.replyCancel.addEventListener('click', function () {
    cancelReply();
    els.input.focus();
  });

  function excerptOf(view) {
    var text = (view && (view.text || view.title)) || '';
    var line = text.split('\n')[0];
    return line.length > 80 ? line.slice(0, 79) + '…' : line;
  }

  // ---- attaching a file from the composer ---------------------------------------------------

  // A resume sent with nothing open starts a submission from it (any step, any time).
  els.attach.addEventListener('click', function () {
    els.attachInput.click();
  });
  els.attachInput.addEventListener('change', function () {
    var file = els.attachInput.files && els.attachInput.files[0];
    if (!file) return;
    els.attach.disabled = true;
    setStatus(T('web.uploading', { name: file.name }));
    upload(file)
      .then(function (stored) {
        return send({ type: 'file', file: { ref: stored.ref } }, '📎 ' + stored.name);
      })
      .catch(function (error) {
        setStatus('');
        showError(error);
      })
      .then(function () {
        els.attach.disabled = false;
        els.attachInput.value = '';
      });
  });

  els.input.addEventListener('input', showCount);
  els.input.setAttribute('aria-describedby', 'count');

  /** The counter appears once a message gets long, and says so when it is past the limit. */
  function showCount() {
    var n = els.input.value.trim().length;
    var over = n > maxTextChars;
    els.count.hidden = n < countFrom;
    els.count.textContent = formatCount(n) + ' / ' + formatCount(maxTextChars) + (over ? ' — ' + T('web.counter.tooLong') : '');
    els.count.className = over ? 'count over' : 'count';
    if (over) els.input.setAttribute('aria-invalid', 'true');
    else els.input.removeAttribute('aria-invalid');
  }

  // “PDF or Word (.docx)” in the page's language, where the browser can say “or” in it.
  function orList(items) {
    try {
      return new Intl.ListFormat(LANG, { type: 'disjunction' }).format(items);
    } catch (e) {
      return items.join(', ');
    }
  }

  // The kinds a file request takes, in the reader's words; an entry stored before kinds were sent
  // carries its labels (or one label) instead.
  function acceptWords(view) {
    if (view.acceptKinds) {
      return orList(
        view.acceptKinds.map(function (kind) {
          return T('web.accept.' + kind);
        }),
      );
    }
    return view.acceptLabel || orList(view.acceptLabels || []);
  }

  function formatCount(n) {
    return n.toLocaleString(LANG);
  }

  // The eventId is made here, once per message: a retried POST carries the same id and the
  // engine handles it once.
  function send(body, echo) {
    body.eventId = uuid();
    upsert({ id: body.eventId, from: 'user', view: { kind: 'text', text: echo }, replyTo: body.replyTo });
    setStatus(T('web.sending'));
    return postEvent(body, 1)
      .then(function (data) {
        setStatus('');
        (data.messages || []).forEach(upsert);
        if (choosesLanguage(body)) followLanguage();
      })
      .catch(function (error) {
        setStatus('');
        if (error.status === 401) return sessionEnded();
        showError(error);
      });
  }

  // The `language` command and the language buttons: the page's own words follow the choice.
  function choosesLanguage(body) {
    return (body.type === 'action' && body.actionId === 'lang') || (body.type === 'text' && /^\/?language\s+\S/i.test(body.text));
  }

  // The page is served in the user's language; the transcript survives a reload.
  function followLanguage() {
    request('/session')
      .then(function (session) {
        var chosen = session.user && session.user.language;
        if (chosen && chosen !== LANG) window.location.reload();
      })
      .catch(function () {
        /* the page keeps its words until the next load */
      });
  }

  function postEvent(body, retries) {
    return request('/events', { method: 'POST', json: body }).catch(function (error) {
      if (error.status === undefined && retries > 0) return postEvent(body, retries - 1);
      throw error;
    });
  }

  function upload(file) {
    if (file.size > maxFileBytes) {
      return Promise.reject(new Error(T('web.error.fileTooLarge', { mb: Math.round(maxFileBytes / 1048576) })));
    }
    return request('/files', {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    }).then(function (data) {
      return data.file;
    });
  }

  // ---- rendering -----------------------------------------------------------------------------

  // The same entry can arrive twice (the POST's answer and the stream); an identical copy is
  // ignored so a half-filled form or a pressed button keeps its state. An edit replaces in place.
  function upsert(entry) {
    if (!entry || !entry.id || !entry.view) return;
    var json = JSON.stringify(entry.view);
    var known = entries[entry.id];
    if (known && known.json === json) return;
    var view = renderView(entry.view, entry.from === 'bot' ? entry.id : null);
    if (entry.from === 'user' && entry.replyTo) {
      var quoted = entries[entry.replyTo];
      view.insertBefore(
        el('p', { className: 'quote', text: T('web.replyTo', { excerpt: quoted ? quoted.excerpt : T('web.earlierMessage') }) }),
        view.firstChild,
      );
    }
    var item = el('li', { className: 'entry ' + (entry.from === 'user' ? 'from-user' : 'from-bot'), 'data-ref': entry.id }, [
      el('span', { className: 'visually-hidden', text: (entry.from === 'user' ? T('web.you') : T('web.bot')) + ' ' }),
      view,
      entry.canReply ? replyButton(entry) : null,
    ]);
    if (entry.from === 'user' && !known) retireControls();
    if (known) known.node.replaceWith(item);
    else els.log.appendChild(item);
    entries[entry.id] = { node: item, json: json, excerpt: excerptOf(entry.view) };
    if (!known) item.scrollIntoView({ block: 'end' });
  }

  function replyButton(entry) {
    var button = el('button', { type: 'button', className: 'small', text: T('web.reply'), 'aria-label': T('web.reply.aria') });
    button.addEventListener('click', function () {
      startReply(entry.id, excerptOf(entry.view));
    });
    return el('div', { className: 'bot-actions' }, [button]);
  }

  // Once the person has said something new, the questions asked before it are answered or
  // superseded: their buttons, file pickers and forms are disabled so a stale press cannot
  // reach the engine. Paging under a list and the Reply buttons stay live.
  function retireControls() {
    var stale = els.log.querySelectorAll(
      'li.from-bot .bubble:not(.list) button, li.from-bot .bubble input, li.from-bot .bubble select, li.from-bot .bubble textarea, li.from-bot fieldset',
    );
    Array.prototype.forEach.call(stale, function (control) {
      control.disabled = true;
    });
  }

  function addLocal(kind, text) {
    var item = el('li', { className: 'entry local ' + kind }, [el('p', { text: text })]);
    els.log.appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  function renderView(view, ref) {
    switch (view.kind) {
      case 'text':
        return el('div', { className: 'bubble' }, [para(view.text)]);
      case 'choices':
        return el('div', { className: 'bubble' }, [para(view.text), buttons(view.buttons, ref, true)]);
      case 'card':
        return renderCard(view, ref);
      case 'list':
        return renderList(view, ref);
      case 'form':
        return renderForm(view, ref);
      case 'file_request':
        return renderFileRequest(view, ref);
      default:
        return el('div', { className: 'bubble' }, [para(T('web.unsupported'))]);
    }
  }

  function para(text, className) {
    return el('p', { className: className || 'text', text: text });
  }

  // `once`: a question's buttons are spent after one press; paging buttons stay live.
  function buttons(list, ref, once) {
    if (!list || list.length === 0 || !ref) return null;
    var row = el('div', { className: 'buttons', role: 'group' });
    list.forEach(function (b) {
      var button = el('button', { type: 'button', className: b.style === 'default' ? '' : b.style, text: b.label });
      button.addEventListener('click', function () {
        if (once) {
          Array.prototype.forEach.call(row.querySelectorAll('button'), function (other) {
            other.disabled = true;
          });
          button.classList.add('chosen');
        }
        send({ type: 'action', actionId: b.actionId, value: b.value, label: b.label, sourceMessageRef: ref }, b.label);
      });
      row.appendChild(button);
    });
    return row;
  }

  function renderCard(view, ref) {
    var fields = el('dl', { className: 'fields' });
    view.fields.forEach(function (f) {
      fields.appendChild(el('div', { className: 'field' }, [el('dt', { text: f.label }), el('dd', { text: f.value })]));
    });
    return el('article', { className: 'bubble card' }, [
      el('h2', { className: 'card-title', text: view.title }),
      view.subtitle ? para(view.subtitle, 'subtitle') : null,
      fields,
      view.text ? para(view.text) : null,
      buttons(view.buttons, ref, true),
    ]);
  }

  function renderList(view, ref) {
    var list = el('ul', { className: 'items' });
    view.items.forEach(function (item) {
      var open = null;
      if (item.button && ref) {
        // A row whose button does more than open it (a Dispute) names what it does.
        var openLabel = item.actionLabel ? item.actionLabel + ' ' + item.title : T('web.open.aria', { title: item.title });
        var openText = item.actionLabel || T('web.open');
        open = el('button', { type: 'button', className: 'small', text: openText, 'aria-label': openLabel });
        open.addEventListener('click', function () {
          send(
            {
              type: 'action',
              actionId: item.button.actionId,
              value: item.button.value,
              label: openLabel,
              sourceMessageRef: ref,
            },
            openLabel,
          );
        });
      }
      list.appendChild(
        el('li', { className: 'item' }, [
          el('div', {}, [
            el('strong', { text: item.title }),
            item.subtitle ? el('div', { className: 'subtitle', text: item.subtitle }) : null,
          ]),
          open,
        ]),
      );
    });
    return el('section', { className: 'bubble list', 'aria-label': view.title }, [
      el('h2', { className: 'card-title', text: view.title }),
      view.summary ? para(view.summary, 'subtitle') : null,
      view.items.length > 0 ? list : para(view.emptyText),
      para(view.pageLabel || T('web.page', { page: formatCount(view.page), count: formatCount(view.pageCount) }), 'page'),
      buttons(view.buttons, ref, false),
    ]);
  }

  function renderForm(view, ref) {
    var form = el('form', { className: 'bubble form', 'aria-label': view.title });
    var fieldset = el('fieldset', {}, [el('legend', { text: view.title })]);
    if (view.text) fieldset.appendChild(para(view.text));
    view.fields.forEach(function (f) {
      var id = 'f-' + (ref || uuid()) + '-' + f.name;
      var input;
      if (f.input === 'select') {
        input = el('select', { id: id, name: f.name }, [el('option', { value: '', text: T('web.choose') })]);
        (f.options || []).forEach(function (o) {
          input.appendChild(el('option', { value: o.value, text: o.label }));
        });
      } else if (f.input === 'textarea') {
        input = el('textarea', { id: id, name: f.name, rows: '3', placeholder: f.placeholder });
      } else {
        input = el('input', { id: id, name: f.name, type: f.input, placeholder: f.placeholder, accept: f.accept });
      }
      if (f.value && f.input !== 'file') input.value = f.value;
      input.required = Boolean(f.required);
      var hint = f.hint ? el('small', { id: id + '-hint', className: 'hint', text: f.hint }) : null;
      if (hint) input.setAttribute('aria-describedby', id + '-hint');
      fieldset.appendChild(
        el('div', { className: 'form-row' }, [el('label', { for: id, text: f.label + (f.required ? ' *' : '') }), input, hint]),
      );
    });
    fieldset.appendChild(el('button', { type: 'submit', className: 'primary', text: view.submitLabel }));
    form.appendChild(fieldset);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var values = {};
      var pending = [];
      view.fields.forEach(function (f) {
        var input = form.elements.namedItem(f.name);
        if (!input) return;
        if (f.input === 'file') {
          if (input.files && input.files[0]) pending.push(upload(input.files[0]));
        } else {
          values[f.name] = input.value;
        }
      });
      fieldset.disabled = true;
      Promise.all(pending)
        .then(function (files) {
          return send(
            {
              type: 'form',
              formId: view.formId,
              values: values,
              files: files.map(function (f) {
                return { ref: f.ref };
              }),
              sourceMessageRef: ref || undefined,
            },
            T('web.formSent'),
          );
        })
        .catch(function (error) {
          fieldset.disabled = false;
          showError(error);
        });
    });
    return form;
  }

  function renderFileRequest(view, ref) {
    var id = 'file-' + (ref || uuid());
    var input = el('input', { id: id, type: 'file', accept: view.accept });
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      input.disabled = true;
      upload(file)
        .then(function (stored) {
          return send({ type: 'file', file: { ref: stored.ref }, sourceMessageRef: ref || undefined }, '📎 ' + stored.name);
        })
        .catch(function (error) {
          input.disabled = false;
          input.value = '';
          showError(error);
        });
    });
    var limit = Math.round(view.maxBytes / 1048576);
    return el('div', { className: 'bubble file-request' }, [
      para(view.text),
      el('div', { className: 'form-row' }, [
        el('label', {
          for: id,
          text: T('web.attachFile', { types: acceptWords(view), mb: limit }),
        }),
        input,
      ]),
      buttons(view.buttons, ref, true),
    ]);
  }

  start();
})();
