/*
 * manila-ui: key/value metadata rows (manila_ui/dashboards/metadata.py).
 *
 * "Add row" appends a blank row named <name>-key-<n> / <name>-value-<n>
 * with the next free n; the x button removes its row (the last row is
 * cleared instead, so one always remains). The server reads whatever rows
 * are posted, so the form also works without this script.
 */
(function () {
  "use strict";

  function nextIndex(widget) {
    var highest = -1;
    widget.querySelectorAll(".manila-ui-kv-key").forEach(function (input) {
      var found = /-key-(\d+)$/.exec(input.name);
      if (found) {
        highest = Math.max(highest, parseInt(found[1], 10));
      }
    });
    return highest + 1;
  }

  function renumber(row, name, baseId, index) {
    var key = row.querySelector(".manila-ui-kv-key");
    var value = row.querySelector(".manila-ui-kv-value");
    key.name = name + "-key-" + index;
    key.id = baseId + "-key-" + index;
    value.name = name + "-value-" + index;
    value.id = baseId + "-value-" + index;
    key.value = "";
    value.value = "";
  }

  function addRow(widget) {
    var rows = widget.querySelector(".manila-ui-kv-rows");
    var template = rows.querySelector(".manila-ui-kv-row");
    var row = template.cloneNode(true);
    renumber(row, widget.getAttribute("data-name"), widget.id,
             nextIndex(widget));
    rows.appendChild(row);
    row.querySelector(".manila-ui-kv-key").focus();
  }

  function removeRow(row) {
    var rows = row.parentNode;
    if (rows.querySelectorAll(".manila-ui-kv-row").length > 1) {
      rows.removeChild(row);
    } else {
      row.querySelector(".manila-ui-kv-key").value = "";
      row.querySelector(".manila-ui-kv-value").value = "";
    }
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest(".manila-ui-kv-add");
    var remove = event.target.closest(".manila-ui-kv-remove");
    if (add) {
      event.preventDefault();
      addRow(add.closest(".manila-ui-kv"));
    } else if (remove) {
      event.preventDefault();
      removeRow(remove.closest(".manila-ui-kv-row"));
    }
  });
})();
