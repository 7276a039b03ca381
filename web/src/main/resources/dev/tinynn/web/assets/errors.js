// Records every uncaught error and rejected promise, so tests (and a curious learner, in the console) can see them.
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));
