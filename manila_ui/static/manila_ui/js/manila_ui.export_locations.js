/*
 * manila-ui: copy export paths, mount commands and transfer keys with one
 * click.
 *
 * A <code class="manila-ui-export-path"> copies itself when clicked; a
 * <button class="manila-ui-copy" data-copy-target="#id"> copies the text of
 * the element it names. Where the asynchronous clipboard API is missing or
 * refused (plain http on a remote host), a hidden textarea and the older
 * copy command do it. The element says what happened, for a moment.
 */
(function () {
  "use strict";

  var COPIED_CLASS = "manila-ui-copied";

  function flag(element, text) {
    var previous = element.getAttribute("title") || "";
    element.setAttribute("title", text);
    element.setAttribute("data-copied", text);
    element.classList.add(COPIED_CLASS);
    window.setTimeout(function () {
      element.setAttribute("title", previous);
      element.classList.remove(COPIED_CLASS);
    }, 1500);
  }

  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    var done;
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      done = document.execCommand("copy");
    } catch {
      done = false; // refused outside a user gesture, or unsupported
    }
    document.body.removeChild(area);
    return done;
  }

  function copy(text, element) {
    var ok = gettext("Copied to the clipboard");
    var failed = gettext("Select the text and copy it by hand");
    if (!text) {
      return;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          flag(element, ok);
        },
        function () {
          flag(element, copyWithTextarea(text) ? ok : failed);
        }
      );
    } else {
      flag(element, copyWithTextarea(text) ? ok : failed);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".manila-ui-copy");
    var path;
    var target;
    if (button) {
      target = document.querySelector(button.getAttribute("data-copy-target"));
      if (target) {
        copy(target.textContent.trim(), button);
      }
      return;
    }
    path = event.target.closest(".manila-ui-export-path");
    if (path) {
      copy(path.textContent.trim(), path);
    }
  });
})();
