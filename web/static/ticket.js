// The ticket page's live part: the daemon's per-ticket stream sends the status section, rendered
// by the same template as the page, whenever it changes. Without scripts the page refreshes
// itself (<noscript> meta refresh); without EventSource it keeps what the server first sent.
"use strict";
(function () {
  var live = document.getElementById("live");
  if (!live || !window.EventSource) return;
  var url = live.getAttribute("data-stream");
  if (!url) return;
  var source = new EventSource(url);
  source.addEventListener("ticket", function (message) {
    var update = JSON.parse(message.data);
    live.innerHTML = update.html;
    document.documentElement.setAttribute("data-ticket-state", update.ticket.state);
  });
  // The browser reconnects by itself (retry: from the server); a 404 (a ticket of a past
  // day) ends the stream for good.
  source.addEventListener("error", function () {
    if (source.readyState === EventSource.CLOSED) live.setAttribute("data-stream-closed", "");
  });
})();
