/* The map of a listing's results (or of one page's place): an enhancement over the list.
 *
 * Without JavaScript there is no map (portal.css) and the page is complete. The list stays the way in:
 * the map is aria-hidden and out of the tab order (Leaflet's keyboard handling, zoom buttons and
 * marker focus are off); pointing at or focusing a listing raises its marker's label, and
 * choosing a marker moves the focus to that listing's link.
 */
(function () {
  "use strict";

  function pointsFor(map) {
    if (map.dataset.latitude) {
      return [{ latitude: map.dataset.latitude, longitude: map.dataset.longitude, title: map.dataset.title, item: null }];
    }
    var scope = map.closest("[data-map-scope]") || document;
    return Array.prototype.map.call(scope.querySelectorAll("[data-map-point]"), function (item) {
      var link = item.querySelector("a");
      return { latitude: item.dataset.latitude, longitude: item.dataset.longitude, title: link ? link.textContent : "", item: item };
    });
  }

  function draw(map) {
    var points = pointsFor(map);
    if (!points.length || !window.L) {
      map.hidden = true;  // nothing to draw: no empty box
      return;
    }
    // Leaflet finds its marker images from its stylesheet's URL, which stops working once the
    // file names carry a hash (production's static files): the template names them instead.
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: map.dataset.markerIcon,
      iconRetinaUrl: map.dataset.markerIconRetina,
      shadowUrl: map.dataset.markerShadow,
    });
    var canvas = map.querySelector("[data-map-canvas]");
    var leaflet = L.map(canvas, { keyboard: false, zoomControl: false, attributionControl: false, scrollWheelZoom: false });
    L.tileLayer(map.dataset.tileUrl, { maxZoom: 18 }).addTo(leaflet);
    var bounds = [];
    points.forEach(function (point) {
      var position = [parseFloat(point.latitude), parseFloat(point.longitude)];
      bounds.push(position);
      var marker = L.marker(position, { keyboard: false, title: point.title, alt: point.title }).addTo(leaflet);
      marker.bindTooltip(point.title);
      var element = marker.getElement();
      if (element) element.setAttribute("data-map-marker", point.title);
      if (!point.item) return;
      var link = point.item.querySelector("a");
      marker.on("click", function () { if (link) link.focus(); });
      ["mouseenter", "focusin"].forEach(function (name) {
        point.item.addEventListener(name, function () { marker.openTooltip(); });
      });
      ["mouseleave", "focusout"].forEach(function (name) {
        point.item.addEventListener(name, function () { marker.closeTooltip(); });
      });
    });
    if (bounds.length === 1) leaflet.setView(bounds[0], 14);
    else leaflet.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }

  document.querySelectorAll("[data-map]").forEach(draw);
})();
