// Shared by the seven pages: the JSON API, state in the address, the backend menu, number display,
// small SVG charts, the code cell (runner) and the quizzes. Pages compute no tutorial number: every
// number shown comes from the server.
'use strict';
const T = (() => {
  const params = () => new URLSearchParams(location.search);
  const state = (key, fallback) => params().has(key) ? params().get(key) : fallback;
  function setState(values) {
    const p = params();
    for (const [k, v] of Object.entries(values)) {
      if (v === null || v === undefined) p.delete(k); else p.set(k, v);
    }
    history.replaceState(null, '', location.pathname + (p.toString() ? '?' + p : '') + location.hash);
  }
  const backend = () => state('backend', document.body.dataset.backend);
  const status = text => { document.getElementById('status').textContent = text || ''; };

  // Every API call carries the session's key beside the cookie (docs/web.md, security rules). The key
  // comes once, in the address's fragment after the token swap, and is kept in this origin's storage
  // (this scheme, host and port only; shared by this browser's tabs, which share one session).
  const KEY = 'tinynn-key';
  const handed = /^#tinynn-key=([0-9a-f]+)$/.exec(location.hash);
  if (handed) {
    localStorage.setItem(KEY, handed[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const api = (path, options = {}) => fetch(path, {...options, credentials: 'same-origin',
    headers: {...(options.headers || {}), 'X-Tinynn-Key': localStorage.getItem(KEY) || ''}});

  async function answer(response) {
    const body = await response.json();
    if (!response.ok) { throw new Error(body.error || response.statusText); }
    return body;
  }
  async function get(path, query = {}) {
    const q = new URLSearchParams({backend: backend(), ...query});
    try {
      const body = await answer(await api(path + '?' + q));
      status('');
      return body;
    } catch (e) { status(e.message); throw e; }
  }
  async function post(path, body) {
    return answer(await api(path, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}));
  }

  // A number as the server computed it, shortened to 10 significant digits for reading.
  function fmt(x) {
    if (x === null || x === undefined) return '';
    if (typeof x !== 'number') return String(x);
    return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10)));
  }
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') node.textContent = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  };
  const $ = sel => document.querySelector(sel);
  function fill(root, values) {
    for (const node of (root || document).querySelectorAll('[data-k]')) {
      const v = node.dataset.k.split('.').reduce((o, k) => o == null ? undefined : o[k], values);
      if (v !== undefined) node.textContent = fmt(v);
    }
  }
  function table(tbody, rows, cells) {
    tbody.replaceChildren(...rows.map((r, i) => {
      const tr = el('tr');
      for (const c of cells(r, i)) tr.append(typeof c === 'object' ? c : el('td', {text: fmt(c)}));
      return tr;
    }));
  }

  // SVG: a chart of size w×h with data ranges x0..x1, y0..y1 mapped inside a margin.
  const NS = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs) { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; }
  function chart(svg, {x0, x1, y0, y1, w = 560, h = 260, m = 36}) {
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.replaceChildren();
    const sx = x => m + (x - x0) / (x1 - x0) * (w - 2 * m);
    const sy = y => h - m + -(y - y0) / (y1 - y0) * (h - 2 * m);
    const add = (tag, attrs) => { const n = svgEl(tag, attrs); svg.append(n); return n; };
    // Lines and curves stay inside the axes: anything drawn with clip() is cut at the plot's edge.
    const clipId = 'clip-' + (svg.id || 'chart');
    add('clipPath', {id: clipId}).append(svgEl('rect', {x: m, y: m, width: w - 2 * m, height: h - 2 * m}));
    const clip = node => { node.setAttribute('clip-path', `url(#${clipId})`); return node; };
    add('line', {class: 'axis', x1: m, y1: h - m, x2: w - m, y2: h - m});
    add('line', {class: 'axis', x1: m, y1: m, x2: m, y2: h - m});
    const text = (x, y, t, anchor = 'middle') => { const n = add('text', {x, y, 'text-anchor': anchor}); n.textContent = t; return n; };
    return {sx, sy, add, text, clip, w, h, m,
      invx: px => x0 + (px - m) / (w - 2 * m) * (x1 - x0),
      polyline: (pts, cls) => add('polyline', {class: cls, points: pts.map(([x, y]) => sx(x) + ',' + sy(y)).join(' ')})};
  }

  // The backend menu: every backend the server has; choosing one reloads the page's numbers.
  async function backends() {
    const select = $('#backend');
    const list = await get('/api/backends');
    select.replaceChildren(...list.names.map(n => el('option', {value: n, text: n})));
    select.value = backend();
    select.addEventListener('change', () => { setState({backend: select.value}); location.reload(); });
  }

  // A code cell: the page's sample from examples/, editable, run in the learner's own JShell.
  async function cell(root, page) {
    const id = 'code-' + page;
    const area = el('textarea', {id, spellcheck: 'false', 'aria-label': 'Java code to run'});
    const out = el('pre', {class: 'out', role: 'log', 'aria-live': 'polite', 'aria-label': 'Output'});
    const run = el('button', {class: 'primary', type: 'button', text: 'Run'});
    const reset = el('button', {type: 'button', text: 'Reset session'});
    const restore = el('button', {type: 'button', text: 'Restore the sample'});
    const info = el('span', {class: 'muted'});
    root.append(el('label', {for: id, text: 'Java, run by JShell with tinynn and its backends (Ctrl+Enter runs it):'}),
      area, el('div', {class: 'controls'}, run, reset, restore, info), out);
    const load = async () => { area.value = (await get('/api/sample/' + page)).code; };
    await load();
    area.addEventListener('keydown', e => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run.click(); }
      if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && area.dataset.tabs === 'on') {
        e.preventDefault(); area.setRangeText('    ', area.selectionStart, area.selectionEnd, 'end');
      }
      if (e.key === 'Escape') area.dataset.tabs = 'off';
    });
    area.addEventListener('focus', () => { area.dataset.tabs = 'off'; });
    area.addEventListener('input', () => { area.dataset.tabs = 'on'; });
    run.addEventListener('click', async () => {
      run.disabled = true; info.textContent = 'running…'; out.classList.remove('error');
      try {
        // The session's runner is shared by this browser's tabs: while this Run waits for another tab's,
        // the server says so when asked, and the answer says how long it waited.
        const id = Math.random().toString(36).slice(2);
        const asking = setInterval(() => api('/api/run/' + id).then(a => a.json()).then(now => {
          if (now.state === 'waiting') info.textContent = now.message;
          else if (now.state === 'running') info.textContent = 'running…';
        }).catch(() => {}), 500);
        let r;
        try { r = await post('/api/run', {code: area.value, run: id}); } finally { clearInterval(asking); }
        out.textContent = r.output;
        out.dataset.status = r.status;
        out.classList.toggle('error', r.status !== 'ok');
        info.textContent = r.status + ', ' + r.elapsedMillis + ' ms'
          + (r.waitedMillis >= 100 ? ', after waiting ' + (r.waitedMillis / 1000).toFixed(1) + ' s to start' : '');
      } catch (e) { out.textContent = e.message; out.dataset.status = 'error'; info.textContent = 'failed'; }
      run.disabled = false;
    });
    reset.addEventListener('click', async () => { await post('/api/reset', {}); out.textContent = ''; info.textContent = 'session reset: nothing defined any more'; });
    restore.addEventListener('click', load);
  }

  // A quiz: one fieldset per question; the server checks each answer (one retry, then the answer).
  function quiz(root, key, questions) {
    root.replaceChildren();
    questions.forEach((q, i) => {
      const name = key + '-' + i;
      const feedback = el('div', {class: 'feedback', role: 'status', 'aria-live': 'polite'});
      const check = el('button', {type: 'button', text: 'Check'});
      const set = el('fieldset', {'data-question': i}, el('legend', {text: (i + 1) + '. ' + q.text}));
      q.options.forEach((o, k) => set.append(el('label', {}, el('input', {type: 'radio', name, value: k}), ' ' + o)));
      let attempt = 1;
      check.addEventListener('click', async () => {
        const chosen = set.querySelector('input:checked');
        if (!chosen) { feedback.textContent = 'Pick an answer first.'; return; }
        const r = await post('/api/check', {exercise: key, question: i, answer: chosen.value, attempt, backend: backend()});
        show(feedback, r);
        if (r.right || attempt >= 2) { check.disabled = true; set.querySelectorAll('input').forEach(x => x.disabled = true); }
        attempt++;
      });
      set.append(check, feedback);
      root.append(set);
    });
  }
  function show(feedback, r) {
    feedback.textContent = r.text;
    feedback.className = 'feedback ' + (r.right ? 'right' : 'wrong');
    feedback.dataset.right = r.right;
  }
  // A one-answer exercise: answer() gives the learner's answer; one retry, then the answer.
  function exercise(button, feedback, key, answerOf) {
    let attempt = 1;
    button.addEventListener('click', async () => {
      const r = await post('/api/check', {exercise: key, answer: answerOf(), attempt, backend: backend()});
      show(feedback, r);
      if (r.right || attempt >= 2) button.disabled = true;
      attempt++;
    });
  }

  // A player for an animation of `count` frames: play, pause, step and speed; the frame lives in the address.
  function player(root, count, draw, key = 'frame') {
    let frame = Math.min(count - 1, Math.max(0, parseInt(state(key, '0'), 10) || 0));
    let timer = null;
    const play = el('button', {type: 'button', class: 'primary', text: 'Play'});
    const back = el('button', {type: 'button', text: '◀ Step', 'aria-label': 'Step back'});
    const step = el('button', {type: 'button', text: 'Step ▶', 'aria-label': 'Step forward'});
    const speed = el('select', {'aria-label': 'Speed'}, ...[['1', 'slow'], ['4', 'normal'], ['16', 'fast']].map(([v, t]) => el('option', {value: v, text: t})));
    speed.value = state('speed', '4');
    const where = el('span', {role: 'status'});
    root.replaceChildren(play, back, step, el('label', {}, 'Speed ', speed), where);
    const go = f => { frame = (f + count) % count; setState({[key]: frame}); where.textContent = 'frame ' + (frame + 1) + ' of ' + count; draw(frame); };
    const stop = () => { clearInterval(timer); timer = null; play.textContent = 'Play'; };
    play.addEventListener('click', () => {
      if (timer) { stop(); return; }
      play.textContent = 'Pause';
      timer = setInterval(() => go(frame + 1), 1000 / Number(speed.value));
    });
    speed.addEventListener('change', () => { setState({speed: speed.value}); if (timer) { stop(); play.click(); } });
    step.addEventListener('click', () => { stop(); go(frame + 1); });
    back.addEventListener('click', () => { stop(); go(frame - 1); });
    go(frame);
    return {go, stop};
  }

  return {params, state, setState, backend, get, post, fmt, el, $, fill, table, chart, svgEl, backends, cell, quiz, exercise, player, show};
})();
