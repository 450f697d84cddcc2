// The upload form of /admin/reports/audit: says at once, before anything is sent, when the chosen
// files are more or larger than the server accepts (it refuses them too, after the upload), and
// shows that a large upload is under way.
(function () {
  'use strict';
  var form = document.getElementById('audit-upload');
  if (!form) return;
  var maxFiles = Number(form.getAttribute('data-max-files'));
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var message = document.getElementById('upload-limit');
  var button = form.querySelector('button[type="submit"]');

  function problem() {
    var count = 0;
    var bytes = 0;
    var inputs = form.querySelectorAll('input[type="file"]');
    for (var i = 0; i < inputs.length; ++i) {
      for (var k = 0; k < inputs[i].files.length; ++k) {
        count += 1;
        bytes += inputs[i].files[k].size;
      }
    }
    if (count > maxFiles) {
      return '一次最多审核' + maxFiles + '个文件，您选择了' + count + '个，请分批上传。';
    }
    if (bytes > maxBytes) {
      return '所选文件合计' + (bytes / 1048576).toFixed(1) + ' MB，超过' +
        Math.round(maxBytes / 1048576) + ' MB的上限，请分批上传。';
    }
    return '';
  }

  function check() {
    var text = problem();
    message.textContent = text;
    message.hidden = text === '';
    button.disabled = text !== '';
    return text === '';
  }

  form.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
      return;
    }
    button.disabled = true;
    button.textContent = '正在上传并审核，请稍候…';
  });
})();
