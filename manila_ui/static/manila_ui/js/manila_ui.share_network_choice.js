/*
 * manila-ui: the share network of Create Share. A select
 * .manila-ui-zone-filtered shows only while the share type field (named
 * by data-type-field) holds one of the types in data-dhss-types (JSON),
 * and offers only the networks that serve the chosen availability zone:
 * each option names its zones in data-zones ("*": a default subnet serves
 * them all). Without script the field simply stays visible. Forms load in
 * modals, so the listener is delegated from the document.
 */
(function () {
  "use strict";

  function field(form, name) {
    return form.querySelector("[name='" + name + "']");
  }

  function update(select) {
    var form = select.closest("form");
    if (!form) {
      return;
    }
    var typeField = field(form, select.getAttribute("data-type-field"));
    var zoneField = field(form, select.getAttribute("data-zone-field"));
    var wanted = JSON.parse(select.getAttribute("data-dhss-types") || "[]");
    var group = select.closest(".form-group") || select.parentNode;
    var zone = zoneField ? zoneField.value : "";
    group.style.display = typeField && wanted.indexOf(typeField.value) === -1 ?
      "none" : "";
    Array.prototype.forEach.call(select.options, function (option) {
      var zones = option.getAttribute("data-zones");
      var fits = !option.value || !zone || zones === "*" ||
        (zones || "").split(" ").indexOf(zone) !== -1;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) {
        select.value = "";
      }
    });
  }

  function updateAll(root) {
    Array.prototype.forEach.call(
      root.querySelectorAll("select.manila-ui-zone-filtered"), update);
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form");
    if (form) {
      updateAll(form);
    }
  });

  // Modals arrive after the page: set up what each one brings.
  new MutationObserver(function () {
    updateAll(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
}());
