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
