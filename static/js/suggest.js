// Text fields of the filter forms that stand for a long list (municipalities, networks,
// organisations) suggest names as one types. Without this script they still work: the
// server accepts a name as typed.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input, index) {
    var list = document.createElement("datalist");
    list.id = "vorschlaege-" + index;
    input.setAttribute("list", list.id);
    input.after(list);
    var pending = null;
    input.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        if (input.value.trim().length < 2) {
          return;
        }
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(input.value.trim()))
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (names) {
            list.replaceChildren.apply(list, names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            }));
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
