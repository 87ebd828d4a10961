// Kronika web UI: the one script. Hovering or focusing a coded event lights up its trigger and its
// sentence in the text (its evidence); opening an article at #event-<id> does the same for that event.
(function () {
  "use strict";
  function light(card, on) {
    ["trigger", "sentence"].forEach(function (kind) {
      var target = document.getElementById(card.getAttribute("data-" + kind));
      if (target) { target.classList.toggle("active", on); }
    });
    card.classList.toggle("active", on);
  }
  function init() {
    var cards = document.querySelectorAll(".coded-event");
    cards.forEach(function (card) {
      card.addEventListener("mouseenter", function () { light(card, true); });
      card.addEventListener("mouseleave", function () { light(card, false); });
    });
    if (location.hash.indexOf("#event-") === 0) {
      var card = document.getElementById(location.hash.slice(1));
      if (card) {
        light(card, true);
        var trigger = document.getElementById(card.getAttribute("data-trigger"));
        if (trigger) { trigger.scrollIntoView({block: "center"}); }
      }
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
