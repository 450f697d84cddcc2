// The application form (portal and back office): shows the identity fields of the chosen kind of
// applicant (a person's document, or an organisation's credit code and contact) and names the
// name field accordingly; says what the receipt date means for the chosen channel; moves focus to
// the list of problems when the form comes back refused. Without scripts every field is shown,
// under legends that say who fills it in.
(function () {
  'use strict';
  var form = document.getElementById('application-form');
  if (!form) return;

  function chosenType() {
    var checked = form.querySelector('input[name="applicant.type"]:checked');
    return checked ? checked.value : '';
  }

  function showIdentity() {
    var type = chosenType();
    var kind = type === '' ? '' : (type === 'natural' ? 'person' : 'organisation');
    var sets = form.querySelectorAll('fieldset.identity');
    for (var i = 0; i < sets.length; ++i) {
      sets[i].hidden = kind !== '' && sets[i].getAttribute('data-kind') !== kind;
    }
    var label = document.getElementById('name-label');
    if (label && kind !== '') label.textContent = label.getAttribute('data-' + kind);
  }

  var radios = form.querySelectorAll('input[name="applicant.type"]');
  for (var i = 0; i < radios.length; ++i) radios[i].addEventListener('change', showIdentity);
  showIdentity();

  var channel = document.getElementById('f-channel');
  var meaning = document.getElementById('receipt-meaning-text');
  if (channel && meaning) {
    channel.addEventListener('change', function () {
      var option = channel.options[channel.selectedIndex];
      meaning.textContent = option.getAttribute('data-meaning');
    });
  }

  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
