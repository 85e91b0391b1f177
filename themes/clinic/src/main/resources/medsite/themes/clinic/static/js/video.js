/* Medsite clinic theme: click-to-load videos. A video is a facade (figure.video: the local poster, the
   title, a button, a link to the video's page) until the reader presses play; only then is the
   provider's privacy-enhanced player (youtube-nocookie.com, or Vimeo with dnt=1) loaded, in an iframe
   that takes the button's place and the focus. Without this script the button stays hidden and the
   link works. */
(function () {
  "use strict";
  var figures = document.querySelectorAll("figure.video[data-video-embed]");
  Array.prototype.forEach.call(figures, function (figure) {
    var button = figure.querySelector(".video-play");
    var frame = figure.querySelector(".video-frame");
    if (!button || !frame) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var player = document.createElement("iframe");
      player.src = figure.getAttribute("data-video-embed");
      player.title = figure.getAttribute("data-video-title") || button.textContent;
      player.className = "video-player";
      player.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
      player.setAttribute("allowfullscreen", "");
      player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.replaceChildren(player);
      figure.classList.add("is-playing");
      // The button the reader pressed is gone: the player, named by its title, takes the focus.
      player.setAttribute("tabindex", "0");
      player.focus();
    });
  });
})();
