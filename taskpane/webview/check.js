/* global Office, window, document */
// Runs before the add-in's bundles in any webview, so it is written in ES5. Where probe.js could not run
// (Trident or EdgeHTML: Excel 2016 / 2019 volume-licensed always, retail without the WebView2 runtime) or CSS
// custom properties are missing (the pane's styles are made of them), the bundles cannot work: the page says
// so, in both languages, instead of staying blank, and the ribbon's buttons complete at once instead of
// leaving Excel waiting. Microsoft recommends such a message ("Support older Microsoft webviews").
(function () {
  var w = window;
  var probe = w.budgetCheckWebview;
  var cssVariables = !!(w.CSS && w.CSS.supports && w.CSS.supports('--budget-check', '0'));
  if (probe && probe.modern === 1 && cssVariables) return;
  w.budgetCheckUnsupportedWebview = true;

  var TEXT = {
    zh: [
      '此 Excel 使用的网页控件（Internet Explorer 11 或旧版 Edge）无法运行预算表校核助手。',
      '零售版 Office 2016 / 2019：安装 Microsoft Edge WebView2 运行时后重新打开 Excel 即可使用。批量授权版 Office 2016 / 2019 只能使用 Internet Explorer 11，'
        + '请改用 Office 2021 及以上版本、Microsoft 365 或 Excel 网页版，或用命令行批量校核工具 budget-check 检查工作簿。'
    ],
    en: [
      'The web control this Excel uses (Internet Explorer 11 or Edge Legacy) cannot run the Budget Table Assistant.',
      'Retail Office 2016 / 2019: install the Microsoft Edge WebView2 Runtime and restart Excel. Volume-licensed Office 2016 / 2019 only has Internet Explorer 11: '
        + 'use Office 2021 or later, Microsoft 365 or Excel on the web, or check workbooks with the budget-check command-line checker.'
    ]
  };

  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    root.setAttribute('data-unsupported-webview', 'true');
    var langs = ['zh', 'en'];
    for (var i = 0; i < langs.length; i++) {
      var lines = TEXT[langs[i]];
      var section = document.createElement('section');
      section.setAttribute('lang', langs[i] === 'zh' ? 'zh-CN' : 'en');
      section.setAttribute('role', i === 0 ? 'alert' : 'note');
      for (var j = 0; j < lines.length; j++) {
        var p = document.createElement(j === 0 ? 'h1' : 'p');
        p.appendChild(document.createTextNode(lines[j]));
        section.appendChild(p);
      }
      root.appendChild(section);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();

  // The ribbon (commands.html, or the shared page) must still call completed(), or Excel shows it working.
  function done(event) {
    if (event && typeof event.completed === 'function') event.completed();
  }
  w.validateWorkbook = done;
  w.clearMarks = done;
  if (typeof Office !== 'undefined' && Office.onReady) {
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate) {
        Office.actions.associate('validateWorkbook', done);
        Office.actions.associate('clearMarks', done);
      }
    });
  }
})();
