// Staff console helpers.
window.ccConsole = {
    focus: function (selector) {
        var el = document.querySelector(selector);
        if (el) { el.focus(); }
    }
};
