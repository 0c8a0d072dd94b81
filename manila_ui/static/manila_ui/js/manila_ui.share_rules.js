/*
 * manila-ui: a share's access rules (manila_ui/dashboards/project/share_rules).
 *
 * - "Reveal" fetches a cephx rule's key from the dashboard (it is never in
 *   the page) and shows it; "Hide" masks it again.
 * - The Add Rule form checks "Access To" as Manila does (the same rules and
 *   words as share_rules/forms.py) while typing and before sending;
 *   the server checks again, so a browser without this script loses nothing.
 */
(function () {
  "use strict";

  var MASK = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022";
  var USER_ONLY_DOTS = /^[\s|.]+$/;
  var USER_NAME = /^.[^"/\\[\]:;|=,+*?<>]{3,254}$/;
  // Python's string.printable: ASCII letters, digits, punctuation, white space.
  var PRINTABLE = /^[\x20-\x7e\t\n\r\v\f]*$/;

  // -- addresses ---------------------------------------------------------

  function parseIPv4(text) {
    var parts = text.split(".");
    if (parts.length !== 4) {
      return null;
    }
    var octets = [];
    for (var i = 0; i < 4; i++) {
      // Python's ipaddress: decimal only, no leading zeros, 0..255.
      if (!/^(0|[1-9][0-9]{0,2})$/.test(parts[i]) || parseInt(parts[i], 10) > 255) {
        return null;
      }
      octets.push(parseInt(parts[i], 10));
    }
    return octets;
  }

  function groups(text) {
    var out = [];
    if (text === "") {
      return out;
    }
    var items = text.split(":");
    for (var i = 0; i < items.length; i++) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(items[i])) {
        return null;
      }
      out.push(parseInt(items[i], 16));
    }
    return out;
  }

  function parseIPv6(text) {
    var tail = [];
    if (text.indexOf(".") !== -1) {   // an embedded IPv4 address at the end
      var last = text.lastIndexOf(":");
      var v4 = parseIPv4(text.slice(last + 1));
      if (!v4) {
        return null;
      }
      tail = [v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]];
      text = text.slice(0, last + 1);
      if (text.slice(-2) !== "::") {
        text = text.slice(0, -1);
      }
    }
    var halves = text.split("::");
    if (halves.length > 2) {
      return null;
    }
    var head = groups(halves[0]);
    var rest = halves.length === 2 ? groups(halves[1]) : [];
    if (head === null || rest === null) {
      return null;
    }
    var size = head.length + rest.length + tail.length;
    if (halves.length === 1 ? size !== 8 : size > 7) {
      return null;
    }
    var zeros = [];
    for (var i = size; i < 8; i++) {
      zeros.push(0);
    }
    return head.concat(zeros, rest, tail);
  }

  // [address as 16-bit words, bits] or null.
  function parseAddress(text, ipv6) {
    var v4 = parseIPv4(text);
    if (v4) {
      return [[v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]], 32];
    }
    var v6 = ipv6 && text.indexOf(":") !== -1 ? parseIPv6(text) : null;
    return v6 ? [v6, 128] : null;
  }

  function hostBitsSet(words, prefix) {
    for (var i = 0; i < words.length; i++) {
      var keep = Math.max(0, Math.min(16, prefix - 16 * i));
      var hostMask = keep === 16 ? 0 : 0xffff >> keep;
      if (words[i] & hostMask) {
        return true;
      }
    }
    return false;
  }

  function ipError(value, ipv6) {
    var slash = value.split("/");
    var notNetwork = ipv6
      ? "'" + value + "' does not appear to be an IPv4 or IPv6 network"
      : "'" + value + "' does not appear to be an IPv4 network";
    if (slash.length > 2) {
      return notNetwork;
    }
    var parsed = parseAddress(slash[0], ipv6);
    if (!parsed) {
      return notNetwork;
    }
    if (slash.length === 1) {
      return null;
    }
    if (!/^[0-9]+$/.test(slash[1])) {
      // A netmask (10.0.0.0/255.0.0.0) and such: the server decides.
      return null;
    }
    var prefix = parseInt(slash[1], 10);
    if (prefix > parsed[1]) {
      return notNetwork;
    }
    return hostBitsSet(parsed[0], prefix) ? value + " has host bits set" : null;
  }

  function accessError(type, value) {
    if (type === "user") {
      if (USER_ONLY_DOTS.test(value)) {
        return gettext("Invalid user or group name,cannot consist solely of " +
                       "periods or spaces.");
      }
      if (!USER_NAME.test(value)) {
        return gettext("Invalid user or group name. Must be 4-255 characters " +
                       "and consist of alphanumeric characters and exclude " +
                       "special characters \"/\\[]:;|=,+*?<>");
      }
    } else if (type === "cert") {
      var cn = value.trim();
      if (cn.length < 1 || cn.length > 64) {
        return gettext("Invalid CN (common name). Must be 1-64 chars long.");
      }
    } else if (type === "cephx") {
      if (!value) {
        return gettext("Ceph IDs may not be empty.");
      }
      if (!PRINTABLE.test(value)) {
        return gettext("Ceph IDs must consist of ASCII printable characters.");
      }
      if (value.indexOf(".") !== -1) {
        return gettext("Ceph IDs may not contain periods.");
      }
    }
    return null;
  }

  function formErrors(form) {
    var type = form.querySelector("[name=access_type]");
    var input = form.querySelector("[name=access_to]");
    if (!type || !input) {
      return [];
    }
    var ipv6 = form.getAttribute("data-ipv6") !== "false";
    if (type.value !== "ip") {
      var error = accessError(type.value, input.value);
      return error ? [error] : [];
    }
    return input.value.trim().split(/[\s,;]+/).filter(Boolean).map(function (item) {
      var found = ipError(item, ipv6);
      return found ? item + ": " + found : null;
    }).filter(Boolean);
  }

  function showErrors(form, errors) {
    var input = form.querySelector("[name=access_to]");
    var group = input.closest(".form-group");
    var box = group.querySelector(".manila-ui-rule-errors");
    if (!box) {
      box = document.createElement("span");
      box.className = "help-block manila-ui-rule-errors";
      input.parentNode.appendChild(box);
    }
    box.textContent = errors.join(" ");
    group.classList.toggle("has-error", errors.length > 0);
  }

  function watch(form) {
    if (!form || form.getAttribute("data-rules-checked")) {
      return;
    }
    form.setAttribute("data-rules-checked", "true");
    ["input", "change"].forEach(function (name) {
      form.addEventListener(name, function (event) {
        if (event.target.name === "access_to" || event.target.name === "access_type") {
          showErrors(form, formErrors(form));
        }
      });
    });
    // Capturing, on the form itself: before Horizon's own submit handlers
    // (which disable the button for good once they ran).
    form.addEventListener("submit", function (event) {
      var errors = formErrors(form);
      showErrors(form, errors);
      if (errors.length) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true);
  }

  function init(root) {
    watch(root.querySelector ? root.querySelector("form#add_rule_form") : null);
  }

  // -- access keys -------------------------------------------------------------

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".manila-ui-reveal-key");
    if (!button) {
      return;
    }
    event.preventDefault();
    var code = button.parentNode.querySelector(".manila-ui-key-value");
    if (button.getAttribute("data-shown") === "true") {
      code.textContent = MASK;
      button.textContent = button.getAttribute("data-label");
      button.setAttribute("data-shown", "false");
      return;
    }
    fetch(button.getAttribute("data-url"), {
      credentials: "same-origin",
      headers: {"X-Requested-With": "XMLHttpRequest"}
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok || !body.access_key) {
          throw new Error(body.error || response.statusText);
        }
        return body.access_key;
      });
    }).then(function (key) {
      code.textContent = key;
      button.setAttribute("data-label", button.textContent);
      button.textContent = button.getAttribute("data-hide");
      button.setAttribute("data-shown", "true");
    }).catch(function () {
      code.textContent = gettext("(unavailable)");
    });
  });

  if (typeof horizon !== "undefined" && horizon.modals) {
    horizon.modals.addModalInitFunction(function (modal) {
      init($(modal).get(0));
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });

  // For the test page of this module (no Horizon needed).
  window.manilaUiShareRules = {ipError: ipError, accessError: accessError};
}());
