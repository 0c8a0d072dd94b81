/*
 * manila-ui: Create Share warns when no pool can hold the size. The size
 * input .manila-ui-capacity-checked carries data-largest (JSON: share type
 * name -> {zone: largest new share in GiB, "": over every zone}), and names
 * the type and zone fields (data-type-field, data-zone-field; an empty type
 * is data-default-type). The numbers come from the pools the user may
 * read; without them the field has no data and nothing is said. The
 * scheduler decides: this only tells the user before they ask.
 */
(function () {
  "use strict";

  function field(form, name) {
    return name ? form.querySelector("[name='" + name + "']") : null;
  }

  function warningFor(input) {
    var group = input.closest(".form-group") || input.parentNode;
    var warning = group.querySelector(".manila-ui-capacity-warning");
    if (!warning) {
      warning = document.createElement("div");
      warning.className = "manila-ui-capacity-warning alert alert-warning";
      warning.setAttribute("role", "status");
      group.appendChild(warning);
    }
    return warning;
  }

  function update(input) {
    var form = input.closest("form");
    if (!form) {
      return;
    }
    var largest = JSON.parse(input.getAttribute("data-largest") || "{}");
    var typeField = field(form, input.getAttribute("data-type-field"));
    var zoneField = field(form, input.getAttribute("data-zone-field"));
    var type = (typeField && typeField.value) || input.getAttribute("data-default-type");
    var zone = zoneField ? zoneField.value : "";
    var perZone = type ? largest[type] : undefined;
    var size = parseInt(input.value, 10);
    var warning = warningFor(input);
    if (!perZone || isNaN(size)) {
      warning.hidden = true;
      return;
    }
    var room = perZone[zone || ""] || 0;
    warning.hidden = size <= room;
    if (size > room) {
      var where = zone ? interpolate(gettext(" in %s"), [zone]) : "";
      warning.textContent = room > 0 ?
        interpolate(gettext("No pool%(where)s can hold %(size)s GiB of share type " +
          "%(type)s now: the largest new share is %(room)s GiB. Manila would " +
          "refuse it."), { where: where, size: size, type: type, room: room }, true) :
        interpolate(gettext("No pool%(where)s has room for share type %(type)s " +
          "now. Manila would refuse the share."), { where: where, type: type }, true);
    }
  }

  function updateAll(root) {
    Array.prototype.forEach.call(
      root.querySelectorAll("input.manila-ui-capacity-checked"), update);
  }

  ["change", "input"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var form = event.target.closest && event.target.closest("form");
      if (form) {
        updateAll(form);
      }
    });
  });

  // Modals arrive after the page: set up what each one brings.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.querySelectorAll) {
          updateAll(node);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
}());
