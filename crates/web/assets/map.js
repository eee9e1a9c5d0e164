// The map of /map: one marker per co-op in the page's JSON, named after the
// co-op (its accessible name) and linking to its page. Without JavaScript,
// or without tiles, the list under the map says the same.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var data = document.getElementById("map-coops");
  if (!element || !data || typeof L === "undefined") {
    return;
  }
  var coops = JSON.parse(data.textContent || "[]");
  var map = L.map(element, { scrollWheelZoom: false });
  var tiles = element.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: element.getAttribute("data-attribution") || ""
    }).addTo(map);
  }
  L.Icon.Default.imagePath = "/assets/vendor/";
  var placed = [];
  coops.forEach(function (coop) {
    if (typeof coop.lat !== "number" || typeof coop.lon !== "number") {
      return;
    }
    var marker = L.marker([coop.lat, coop.lon], { title: coop.name, alt: coop.name });
    var link = document.createElement("a");
    link.href = "/coops/" + encodeURIComponent(coop.slug);
    link.textContent = coop.name;
    marker.bindPopup(link);
    marker.addTo(map);
    placed.push([coop.lat, coop.lon]);
  });
  if (placed.length > 0) {
    map.fitBounds(placed, { padding: [24, 24], maxZoom: 11 });
  } else {
    map.setView([54.0, -2.5], 5);
  }
})();
