// Progressive enhancement only: address suggestions from the register while typing. The form works without it.
(function () {
  var input = document.getElementById('problemAddress');
  var list = document.getElementById('address-list');
  if (!input || !list || !window.fetch) return;
  var timer, last = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2 || q === last) return;
    timer = setTimeout(function () {
      last = q;
      fetch('/portal/addresses?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          list.textContent = '';
          items.forEach(function (a) { var o = document.createElement('option'); o.value = a; list.appendChild(o); });
        })
        .catch(function () { });
    }, 250);
  });
})();
