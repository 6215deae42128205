// Django's two-list selector (SelectFilter2.js, used for rights and groups) puts an
// aria-label on a bare span, which WCAG checks refuse (aria-prohibited-attr). Give the
// magnifier icon the role of an image, so its text names the search box it labels.
// SelectFilter builds its lists on window load: this runs after it.
"use strict";
window.addEventListener("load", function () {
    window.setTimeout(function () {
        document.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(function (icoon) {
            icoon.setAttribute("role", "img");
        });
    }, 0);
});
