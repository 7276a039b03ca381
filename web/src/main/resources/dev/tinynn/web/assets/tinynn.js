// Shared by the seven pages: the JSON API, state in the address, the backend menu, number display,
// small SVG charts, the code cell (runner), the exercises, quizzes and the animation player. Pages
// compute no tutorial number: every number shown comes from the server.
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
  // The backend: one value, in the address, that the header's menu and page 6's tabs both show and set.
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
    if (!response.ok) {
      const error = new Error(body.error || response.statusText);
      error.field = body.field;
      throw error;
    }
    return body;
  }
  // GET with the backend; an error goes to the page's status line unless the caller shows it itself (quiet).
  async function get(path, query = {}, {quiet = false} = {}) {
    const q = new URLSearchParams({backend: backend(), ...query});
    try {
      const body = await answer(await api(path + '?' + q));
      if (!quiet) status('');
      return body;
    } catch (e) { if (!quiet) status(e.message); throw e; }
  }
  async function post(path, body) {
    return answer(await api(path, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}));
  }

  // For sliders and drags: at most one request in flight; calls made meanwhile collapse into one more
  // request, made when the answer is in, with the values of that moment (the latest wins). An answer
  // older than one already shown is dropped.
  function coalesce(request, apply) {
    let busy = false, again = false, sent = 0, shown = 0;
    return async function go() {
      if (busy) { again = true; return; }
      busy = true;
      try {
        do {
          again = false;
          const seq = ++sent;
          try {
            const result = await request();
            if (seq > shown) { shown = seq; apply(result); }
          } catch (e) { /* the status line says what went wrong */ }
        } while (again);
      } finally { busy = false; }
    };
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
  // A table body from rows; a number's cell keeps the server's full value in data-value (tests compare it).
  function table(tbody, rows, cells) {
    tbody.replaceChildren(...rows.map((r, i) => {
      const tr = el('tr');
      for (const c of cells(r, i)) {
        if (typeof c === 'object') { tr.append(c); continue; }
        const td = el('td', {text: fmt(c)});
        if (typeof c === 'number') td.dataset.value = String(c);
        tr.append(td);
      }
      return tr;
    }));
  }

  // Wide things scroll inside their own box, never the page: each table gets a box that keyboard users
  // can focus (to scroll it with the arrow keys), named after the table.
  function scrollBoxes() {
    for (const t of document.querySelectorAll('main table')) {
      if (t.parentElement.classList.contains('scroll')) continue;
      const name = t.querySelector('caption')?.textContent || t.id || 'table';
      const box = el('div', {class: 'scroll', tabindex: '0', role: 'group', 'aria-label': 'Table: ' + name.replace(/-/g, ' ')});
      t.before(box); box.append(t);
    }
    for (const pre of document.querySelectorAll('main pre')) pre.tabIndex = 0;
  }

  // SVG: a chart of size w×h with data ranges x0..x1, y0..y1 mapped inside a margin.
  const NS = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs) { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; }
  function chart(svg, {x0, x1, y0, y1, w = 560, h = 260, m = 40}) {
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
    // Numbers on the axes: a tick and its value at each x of xs and each y of ys.
    const ticks = (xs, ys) => {
      xs.forEach(x => { add('line', {class: 'axis', x1: sx(x), x2: sx(x), y1: h - m, y2: h - m + 4}); text(sx(x), h - m + 16, fmt(x)); });
      ys.forEach(y => { add('line', {class: 'axis', x1: m - 4, x2: m, y1: sy(y), y2: sy(y)}); text(m - 6, sy(y) + 4, fmt(y), 'end'); });
    };
    return {sx, sy, add, text, clip, ticks, w, h, m,
      invx: px => x0 + (px - m) / (w - 2 * m) * (x1 - x0),
      polyline: (pts, cls) => add('polyline', {class: cls, points: pts.map(([x, y]) => sx(x) + ',' + sy(y)).join(' ')})};
  }
  // A few round values from lo to hi, for ticks.
  function nice(lo, hi, count = 4) {
    const raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(k => k * mag).find(s => s >= raw) || raw;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(6)));
    return out;
  }

  // The backend menu: every backend the server has; choosing one reloads the page's numbers.
  async function backends() {
    const select = $('#backend');
    const list = await get('/api/backends');
    select.replaceChildren(...list.names.map(n => el('option', {value: n, text: n})));
    select.value = backend();
    select.addEventListener('change', () => { setBackend(select.value); location.reload(); });
    scrollBoxes();
  }
  // Sets the one backend: in the address and in the header's menu.
  function setBackend(name) {
    setState({backend: name});
    const select = $('#backend');
    if ([...select.options].some(o => o.value === name)) select.value = name;
  }

  // A code cell: the page's sample from examples/, editable, run in the learner's own JShell. The
  // learner's edits are kept per page in this browser (localStorage) across navigation and reloads.
  async function cell(root, page) {
    const id = 'code-' + page, key = 'tinynn-code-' + page;
    const help = el('p', {id: id + '-help', class: 'muted',
      text: 'Ctrl+Enter runs it. In the editor Tab indents; press Escape, then Tab, to leave it. Your edits stay in this browser.'});
    const area = el('textarea', {id, spellcheck: 'false', 'aria-describedby': id + '-help'});
    const out = el('pre', {class: 'out', role: 'log', 'aria-label': 'Output', tabindex: '0'});
    const run = el('button', {class: 'primary', type: 'button', text: 'Run'});
    const reset = el('button', {type: 'button', text: 'Reset session'});
    const restore = el('button', {type: 'button', text: 'Restore the sample'});
    const info = el('span', {class: 'muted', role: 'status'});
    const ask = el('div', {class: 'confirm', role: 'group', 'aria-label': 'Restore the sample?', hidden: ''},
      el('span', {text: 'Replace your code with the page\'s sample? Your edits will be lost.'}),
      el('button', {type: 'button', class: 'primary', 'data-answer': 'replace', text: 'Replace my code'}),
      el('button', {type: 'button', 'data-answer': 'keep', text: 'Keep my code'}));
    root.append(el('label', {for: id, text: 'Java, run by JShell with tinynn and its backends'}), help,
      area, el('div', {class: 'controls'}, run, reset, restore, info), ask, out);
    const sample = (await get('/api/sample/' + page)).code;
    const saved = localStorage.getItem(key);
    area.value = saved === null ? sample : saved;
    if (saved !== null && saved !== sample) info.textContent = 'your edited code, kept in this browser';
    area.addEventListener('input', () => {
      if (area.value === sample) localStorage.removeItem(key); else localStorage.setItem(key, area.value);
    });
    // Tab indents while editing; Escape hands Tab back to the page until the next edit.
    let tabIndents = true;
    area.addEventListener('focus', () => { tabIndents = true; });
    area.addEventListener('keydown', e => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run.click(); return; }
      if (e.key === 'Escape') { tabIndents = false; info.textContent = 'Tab now leaves the editor'; return; }
      if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && tabIndents) {
        e.preventDefault(); area.setRangeText('    ', area.selectionStart, area.selectionEnd, 'end');
        localStorage.setItem(key, area.value);
      } else if (e.key !== 'Tab' && e.key !== 'Shift') { tabIndents = true; }
    });
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
        info.textContent = (r.status === 'ok' ? '✓ ok' : '✗ ' + r.status) + ', ' + r.elapsedMillis + ' ms'
          + (r.waitedMillis >= 100 ? ', after waiting ' + (r.waitedMillis / 1000).toFixed(1) + ' s to start' : '');
      } catch (e) { out.textContent = e.message; out.dataset.status = 'error'; out.classList.add('error'); info.textContent = '✗ failed'; }
      run.disabled = false;
    });
    reset.addEventListener('click', async () => { await post('/api/reset', {}); out.textContent = ''; info.textContent = 'session reset: nothing defined any more'; });
    restore.addEventListener('click', () => { ask.hidden = false; ask.querySelector('[data-answer=keep]').focus(); });
    ask.addEventListener('click', e => {
      const choice = e.target.dataset.answer;
      if (!choice) return;
      if (choice === 'replace') { area.value = sample; localStorage.removeItem(key); info.textContent = 'the sample is back'; }
      ask.hidden = true; area.focus();
    });
  }

  function show(feedback, r) {
    feedback.textContent = r.text;
    feedback.className = 'feedback ' + (r.counted === false ? 'note' : r.right ? 'right' : 'wrong');
    feedback.dataset.right = r.right;
  }
  // An exercise checked on the server by the tutorial's one grading rule: a first wrong answer gets a
  // hint, a second the answer; an answer that is not one (no choice, not a number) is told so and is not
  // an attempt. Every way through ends with the answer shown and "Try again", which starts the exercise
  // afresh. Once an exercise is done, what the page kept back until its answer ([data-after=KEY]) is
  // shown, and an 'answered' event tells the page's script (which may then show, say, a table's row).
  const answered = new Set();
  function exercise(button, feedback, key, answerOf, clear, question) {
    let attempt = 1;
    const again = el('button', {type: 'button', class: 'again', text: 'Try again', hidden: ''});
    button.after(' ', again);
    button.addEventListener('click', async () => {
      const given = answerOf();
      if (given === null) { show(feedback, {right: false, counted: false, text: 'Pick an answer first.'}); return; }
      const r = await post('/api/check', {exercise: key, question, answer: given, attempt, backend: backend()});
      show(feedback, r);
      if (r.counted === false) return;
      if (r.done ?? (r.right || attempt >= 2)) {
        button.disabled = true; again.hidden = false; feedback.dataset.done = 'true';
        if (question === undefined && !answered.has(key)) {
          answered.add(key);
          document.querySelectorAll(`[data-after="${key}"]`).forEach(n => { n.hidden = false; });
          document.dispatchEvent(new CustomEvent('answered', {detail: key}));
        }
      }
      attempt++;
    });
    again.addEventListener('click', () => {
      attempt = 1; button.disabled = false; again.hidden = true;
      feedback.textContent = ''; feedback.className = 'feedback'; delete feedback.dataset.right; delete feedback.dataset.done;
      clear();
    });
  }
  // A quiz: one fieldset per question, each an exercise.
  function quiz(root, key, questions) {
    root.replaceChildren();
    questions.forEach((q, i) => {
      const name = key + '-' + i;
      const feedback = el('div', {class: 'feedback', role: 'status'});
      const check = el('button', {type: 'button', text: 'Check'});
      const set = el('fieldset', {'data-question': i}, el('legend', {text: (i + 1) + '. ' + q.text}));
      q.options.forEach((o, k) => set.append(el('label', {}, el('input', {type: 'radio', name, value: k}), ' ' + o)));
      set.append(el('div', {class: 'controls'}, check), feedback);
      root.append(set);
      exercise(check, feedback, key, () => set.querySelector('input:checked')?.value ?? null,
        () => { set.querySelectorAll('input').forEach(x => { x.checked = false; }); set.querySelector('input').focus(); }, i);
    });
  }

  // A player for an animation of `count` frames: jump to start, step back, play/pause, step forward,
  // jump to the end, a scrubber and the speed. duration(f) is frame f's time in ms at normal speed.
  // Playback stops at the last frame. The frame lives in the address. Screen readers hear where it is
  // when it stops, never every frame.
  function player(root, count, draw, {key = 'frame', duration = () => 800, label = f => 'frame ' + (f + 1) + ' of ' + count} = {}) {
    let frame = Math.min(count - 1, Math.max(0, parseInt(state(key, '0'), 10) || 0));
    let playing = false, raf = 0, last = null, owed = 0;
    const button = (text, name, cls) => el('button', {type: 'button', text, 'aria-label': name, ...(cls ? {class: cls} : {})});
    const start = button('|◀', 'Jump to the start'), back = button('◀', 'Step back'), play = button('Play', 'Play', 'primary play');
    const step = button('▶', 'Step forward'), end = button('▶|', 'Jump to the end');
    const scrub = el('input', {type: 'range', min: '0', max: String(count - 1), step: '1', 'aria-label': 'Frame', class: 'scrub'});
    const speeds = [['0.25', 'slow'], ['1', 'normal'], ['4', 'fast']];
    const speed = el('select', {'aria-label': 'Speed'}, ...speeds.map(([v, t]) => el('option', {value: v, text: t})));
    speed.value = speeds.some(([v]) => v === state('speed', '1')) ? state('speed', '1') : '1';
    const where = el('span', {class: 'where', 'aria-hidden': 'true'});
    const told = el('span', {class: 'sr-only', role: 'status'});
    root.replaceChildren(start, back, play, step, end, scrub, el('label', {}, 'Speed ', speed), where, told);
    let total = 0;
    for (let f = 0; f < count - 1; f++) total += duration(f);
    root.dataset.normalMillis = String(Math.round(total));
    root.dataset.frames = String(count);
    const go = f => {
      frame = Math.max(0, Math.min(count - 1, f));
      setState({[key]: frame});
      scrub.value = String(frame);
      scrub.setAttribute('aria-valuetext', label(frame));
      where.textContent = label(frame);
      draw(frame);
    };
    const tell = () => { told.textContent = label(frame); };
    const stop = () => {
      if (!playing) return;
      playing = false; cancelAnimationFrame(raf); play.textContent = 'Play'; play.setAttribute('aria-label', 'Play');
      root.dataset.playing = 'false'; tell();
    };
    const tick = now => {
      if (!playing) return;
      if (last !== null) owed += (now - last) * Number(speed.value);
      last = now;
      let f = frame;
      while (f < count - 1 && owed >= duration(f)) { owed -= duration(f); f++; }
      if (f !== frame) go(f);
      if (frame >= count - 1) { stop(); return; }
      raf = requestAnimationFrame(tick);
    };
    play.addEventListener('click', () => {
      if (playing) { stop(); return; }
      if (frame >= count - 1) go(0);
      playing = true; last = null; owed = 0; play.textContent = 'Pause'; play.setAttribute('aria-label', 'Pause');
      root.dataset.playing = 'true'; told.textContent = '';
      raf = requestAnimationFrame(tick);
    });
    speed.addEventListener('change', () => setState({speed: speed.value}));
    step.addEventListener('click', () => { stop(); go(frame + 1); tell(); });
    back.addEventListener('click', () => { stop(); go(frame - 1); tell(); });
    start.addEventListener('click', () => { stop(); go(0); tell(); });
    end.addEventListener('click', () => { stop(); go(count - 1); tell(); });
    scrub.addEventListener('input', () => { stop(); go(Number(scrub.value)); });
    root.dataset.playing = 'false';
    go(frame);
    return {go, stop};
  }

  return {params, state, setState, backend, setBackend, get, post, coalesce, fmt, el, $, fill, table, chart, nice, svgEl,
    backends, cell, quiz, exercise, answered, player, show};
})();
