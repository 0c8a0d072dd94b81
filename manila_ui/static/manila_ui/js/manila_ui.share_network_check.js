/*
 * manila-ui: follow a share network check (2.63 security services, 2.70
 * subnets) while the back ends are asked. The check page asks Manila once
 * per visit; while the answer is pending it names its next visit in
 * data-next (empty once it has waited long enough), which this script
 * makes after two seconds. "Check again" does the same by hand.
 */
(function () {
  "use strict";

  var POLL_MS = 2000;

  function follow() {
    var box = document.getElementById("share_network_check");
    var next = box && box.getAttribute("data-next");
    if (!box || box.getAttribute("data-state") !== "pending" || !next) {
      return;
    }
    window.setTimeout(function () {
      window.location.assign(next);
    }, POLL_MS);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
}());
