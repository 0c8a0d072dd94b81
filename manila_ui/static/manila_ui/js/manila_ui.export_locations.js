/*
 * manila-ui: copy a share's export path with one click.
 *
 * Export paths are what users paste into their mount commands; the detail
 * page renders each one as <code class="manila-ui-export-path">. A click
 * copies it and says so in the element's title, for a moment.
 */
(function () {
  "use strict";

  var COPIED_CLASS = "manila-ui-copied";

  function flag(element, text) {
    var previous = element.getAttribute("title") || "";
    element.setAttribute("title", text);
    element.classList.add(COPIED_CLASS);
    window.setTimeout(function () {
      element.setAttribute("title", previous);
      element.classList.remove(COPIED_CLASS);
    }, 1500);
  }

  function copy(element) {
    var path = element.textContent.trim();
    if (!path || !navigator.clipboard) {
      return; // no clipboard API (plain http): the text stays selectable
    }
    navigator.clipboard.writeText(path).then(
      function () {
        flag(element, gettext("Copied to the clipboard"));
      },
      function () {
        flag(element, gettext("Select the path and copy it by hand"));
      }
    );
  }

  document.addEventListener("click", function (event) {
    var element = event.target.closest(".manila-ui-export-path");
    if (element) {
      copy(element);
    }
  });
})();
