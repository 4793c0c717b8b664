// Runbook webview script (loaded with the CSP nonce; no inline handlers). It only reports what the
// engineer does (which button of which step, which checkbox, what note) and moves to the step the
// extension names: every command, target and text comes from the extension, never from this page.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const body = document.body;
  // Lets VS Code restore this panel after a window reload (WebviewPanelSerializer in the extension).
  vscode.setState({
    runbook: body.getAttribute('data-runbook'),
    step: body.getAttribute('data-initial-step') || undefined,
  });
  const NOTE_DELAY_MS = 400;

  /** @param {string} step */
  function stepElement(step) {
    return document.getElementById('step-' + step);
  }

  function updateProgress() {
    const el = document.getElementById('progress');
    if (!el) return;
    const total = Number(el.getAttribute('data-total') || '0');
    const done = document.querySelectorAll('input[data-action="check"]:checked').length;
    const template = el.getAttribute('data-template') || '{0}/{1}';
    el.textContent = template.replace('{0}', String(done)).replace('{1}', String(total));
  }

  /** Scrolls to a step, highlights it and moves the keyboard focus to its heading. */
  function reveal(step) {
    const el = stepElement(step);
    if (!el) return;
    for (const other of document.querySelectorAll('.step.current')) other.classList.remove('current', 'flash');
    el.classList.add('current');
    // restart the highlight animation
    void el.offsetWidth;
    el.classList.add('flash');
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    const heading = el.querySelector('h3');
    if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
    vscode.setState({ runbook: body.getAttribute('data-runbook'), step });
    vscode.postMessage({ type: 'revealed', step });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!(target instanceof HTMLButtonElement) || target.disabled) return;
    const action = target.getAttribute('data-action');
    const step = target.getAttribute('data-step') || undefined;
    const index = target.hasAttribute('data-index') ? Number(target.getAttribute('data-index')) : undefined;
    switch (action) {
      case 'copy':
      case 'send':
      case 'choice':
        vscode.postMessage({ type: action, step, index });
        break;
      case 'openFinding':
      case 'openReference':
      case 'export':
      case 'reset':
        flushNotes();
        vscode.postMessage({ type: action });
        break;
    }
  });

  document.addEventListener('change', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement) || el.getAttribute('data-action') !== 'check') return;
    const step = el.getAttribute('data-step');
    const li = step ? stepElement(step) : null;
    if (li) li.classList.toggle('done', el.checked);
    updateProgress();
    vscode.postMessage({ type: 'check', step, checked: el.checked });
  });

  /** @type {Map<string, ReturnType<typeof setTimeout>>} */
  const pending = new Map();
  function sendNote(/** @type {HTMLTextAreaElement} */ el) {
    const step = el.getAttribute('data-step');
    if (!step) return;
    const timer = pending.get(step);
    if (timer) clearTimeout(timer);
    pending.delete(step);
    vscode.postMessage({ type: 'note', step, text: el.value });
  }
  function flushNotes() {
    for (const step of [...pending.keys()]) {
      const el = document.getElementById('note-' + step);
      if (el instanceof HTMLTextAreaElement) sendNote(el);
    }
  }
  document.addEventListener('input', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLTextAreaElement) || el.getAttribute('data-action') !== 'note') return;
    const step = el.getAttribute('data-step');
    if (!step) return;
    // grow with the text
    el.rows = Math.min(12, Math.max(1, el.value.split('\n').length));
    const timer = pending.get(step);
    if (timer) clearTimeout(timer);
    pending.set(
      step,
      setTimeout(() => sendNote(el), NOTE_DELAY_MS),
    );
  });
  document.addEventListener('focusout', (event) => {
    const el = event.target;
    if (
      el instanceof HTMLTextAreaElement &&
      el.getAttribute('data-action') === 'note' &&
      pending.has(el.getAttribute('data-step') || '')
    )
      sendNote(el);
  });
  window.addEventListener('pagehide', flushNotes);

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'reveal' && typeof msg.step === 'string') reveal(msg.step);
  });

  /** Steps scroll to just below the sticky finding bar. */
  function measureSticky() {
    const bar = document.getElementById('finding');
    document.documentElement.style.setProperty('--rb-sticky', (bar ? bar.offsetHeight : 0) + 'px');
  }
  window.addEventListener('resize', measureSticky);
  measureSticky();

  updateProgress();
  const initial = body.getAttribute('data-initial-step');
  if (initial) reveal(initial);
  vscode.postMessage({ type: 'ready', steps: document.querySelectorAll('.step').length });
})();
