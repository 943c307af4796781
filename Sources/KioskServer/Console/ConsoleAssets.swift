/// The console's one stylesheet and one script, served by the daemon (no CDN, no build step).
/// The Content-Security-Policy allows scripts and styles from the daemon only, so neither may
/// be inline in a page.
enum ConsoleAssets {
    /// Sized for the hall office's 1366×768 screen: windows and lines side by side.
    static let css = """
    :root { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 14px; color: #1b1f24; background: #f4f5f7; }
    body { margin: 0; }
    nav { display: flex; gap: 1em; align-items: center; background: #1d3557; color: #fff; padding: .4em 1em; }
    nav a { color: #fff; text-decoration: none; padding: .2em .5em; border-radius: 3px; }
    nav a[aria-current] { background: #457b9d; }
    nav .who { margin-left: auto; }
    main { padding: .6em 1em; }
    h1 { font-size: 1.4em; margin: .2em 0; } h2 { font-size: 1.1em; margin: .5em 0 .3em; } h3 { font-size: 1em; margin: .8em 0 .3em; }
    table { border-collapse: collapse; width: 100%; background: #fff; }
    th, td { border-bottom: 1px solid #dde1e6; padding: .25em .4em; text-align: left; vertical-align: top; }
    th { background: #e9ecef; font-weight: 600; }
    tr[data-status="paused"] { background: #fff8e1; } tr[data-status="closed"] { background: #eceff1; color: #607d8b; }
    tr.over td { background: #fdecea; }
    .columns { display: grid; grid-template-columns: 3fr 2fr; gap: 1em; }
    .hallbar { display: flex; gap: 1.5em; align-items: baseline; }
    .muted { color: #6c757d; } .ok { color: #2e7d32; } .warn { color: #c62828; }
    #alerts ul { margin: 0; padding: 0; list-style: none; }
    .alert { background: #fdecea; border-left: 4px solid #c62828; padding: .3em .6em; margin: .2em 0; }
    .alert.idle_with_waiting, .alert.unanswered { background: #fff8e1; border-color: #f9a825; }
    form.inline { display: inline; } form.row { display: flex; gap: .4em; align-items: center; }
    button { font: inherit; padding: .15em .5em; cursor: pointer; }
    .sign-in { max-width: 22em; margin: 4em auto; background: #fff; padding: 1.5em 2em; border-radius: 6px; box-shadow: 0 1px 4px #0002; }
    .sign-in label { display: block; margin: .8em 0; } .sign-in input { display: block; width: 100%; font: inherit; padding: .3em; box-sizing: border-box; }
    .sign-in button { margin-top: .5em; width: 100%; padding: .5em; }
    .error { color: #c62828; font-weight: 600; } .hint { color: #6c757d; font-size: .9em; }
    .live-lost #hall { opacity: .6; }
    .tiles { display: flex; gap: .8em; margin: .6em 0 1em; }
    .tile { background: #fff; border-radius: 6px; padding: .5em 1em; box-shadow: 0 1px 3px #0002; min-width: 8em; }
    .tile span { display: block; color: #6c757d; font-size: .9em; } .tile b { font-size: 1.6em; }
    """

    /// The live part: the hall's own event stream (session cookie, same origin) says something
    /// happened; the script fetches the hall fragment again and swaps it in. Without scripts the
    /// page is still whole, and every action is a plain form.
    static let js = """
    "use strict";
    (function () {
      var hall = document.getElementById("hall");
      if (!hall || !window.EventSource) return;
      var pending = null;
      function refresh() {
        pending = null;
        fetch(hall.dataset.live, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
          if (r.status === 401) { window.location.assign("/console/sign-in"); return null; }
          return r.ok ? r.text() : null;
        }).then(function (html) {
          if (html !== null && html !== undefined) { hall.innerHTML = html; hall.dataset.refreshed = String(Date.now()); }
        }).catch(function () {});
      }
      var stream = new EventSource("/console/events");
      stream.addEventListener("hall", function () { if (!pending) pending = setTimeout(refresh, 200); });
      stream.onopen = function () { document.body.classList.remove("live-lost"); };
      stream.onerror = function () { document.body.classList.add("live-lost"); };
      setInterval(refresh, 30000);   // the hall clock and waits move on without events
    })();
    """
}
