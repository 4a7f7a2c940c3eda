/* global window */
// Loaded before the add-in's bundles. It uses the JavaScript those bundles are compiled to (ES2020: arrow
// functions, object spread, optional chaining, nullish coalescing), so a webview that cannot run them —
// Trident (Internet Explorer 11) and EdgeHTML (Edge Legacy), which Excel 2016 / 2019 may use — stops at the
// syntax and never sets the flag that check.js reads. A separate file, not eval: a Content-Security-Policy
// without 'unsafe-eval' must not make a good webview look bad.
window.budgetCheckWebview = { modern: (() => ({ ...{ ok: 1 } }))()?.ok ?? 0 };
