/* "Use my location": fills the listing's "near" field with the browser's position and sends the
 * form. Optional: the button is hidden without JavaScript or geolocation; nothing is stored. */
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;
  document.querySelectorAll("[data-use-my-location]").forEach(function (button) {
    var form = button.form;
    var field = form && form.querySelector('input[name="near"]');
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          field.value = position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
          form.submit();
        },
        function () {
          button.disabled = false;
          var message = button.dataset.failed;
          if (message) { button.insertAdjacentHTML("afterend", "<p class=\"hint\" role=\"status\"></p>"); button.nextElementSibling.textContent = message; }
        },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
  });
})();
