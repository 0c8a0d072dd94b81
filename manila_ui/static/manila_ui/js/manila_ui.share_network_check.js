/*
 * manila-ui: follow a share network check (2.63 security services, 2.70
 * subnets) while the back ends are asked. The check page asks Manila once
 * per visit; while the answer is pending, visit it again every two
 * seconds (the "Check again" link does the same by hand, without script).
 */
(function () {
  "use strict";

  var POLL_MS = 2000;

  function follow() {
    var box = document.getElementById("share_network_check");
    if (!box || box.getAttribute("data-state") !== "pending") {
      return;
    }
    window.setTimeout(function () {
      window.location.reload();
    }, POLL_MS);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
}());
