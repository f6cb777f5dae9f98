// Staff console helpers.
window.ccConsole = {
    focus: function (selector) {
        var el = document.querySelector(selector);
        if (el) { el.focus(); }
    }
};

// Below 1100 px the administration form sits under its list (console.css): picking a row or "New" brings the form
// into view once the circuit has rendered it, so a tablet user is not left looking at an unchanged list.
(function () {
    var pickedAt = 0;
    document.addEventListener('click', function (e) {
        var target = e.target instanceof Element ? e.target.closest('.cc-admin-list tbody tr, .cc-admin-head .mud-button-root') : null;
        var split = document.querySelector('.cc-admin-split');
        if (!target || !split || getComputedStyle(split).gridTemplateColumns.split(' ').length > 1) return;
        pickedAt = Date.now();
    }, true);
    new MutationObserver(function () {
        if (!pickedAt || Date.now() - pickedAt > 5000) return;
        var side = document.querySelector('.cc-admin-side');
        if (!side || !side.querySelector('input, textarea')) return;
        pickedAt = 0;
        side.scrollIntoView({ block: 'start' });
    }).observe(document.documentElement, { childList: true, subtree: true });
})();
