// Drives the demo page as a person would, through its form controls, and reports what it saw.
// Evaluated by BrowserIT over the DevTools protocol; resolves to one line per section.
(async () => {
  const $ = (id) => document.getElementById(id);
  const until = async (what, test) => {
    const end = Date.now() + 15000;
    while (!test()) {
      if (Date.now() > end) {
        throw new Error('timed out waiting for ' + what);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const received = (list) => [...$(list).querySelectorAll('li:not(.out)')].map((li) => li.textContent);

  await until('the echo socket to open', () => $('echo-status').textContent === 'open');
  $('echo-input').value = 'hello from chromium';
  $('echo-send').click();
  await until('the text echo', () => received('echo-log').length === 1);
  $('echo-input').value = 'bytes from chromium';
  $('echo-binary').checked = true;
  $('echo-send').click();
  await until('the binary echo', () => received('echo-log').length === 2);

  const bridged = [];
  for (const framing of ['binary', 'base64']) {
    document.querySelector('input[name="bridge-framing"][value="' + framing + '"]').checked = true;
    $('bridge-connect').click();
    await until('the ' + framing + ' bridge to open', () => $('bridge-status').textContent === 'open'
        && $('bridge-protocol').textContent === framing);
    const before = received('bridge-log').length;
    $('bridge-input').value = framing + ' bytes through the bridge';
    $('bridge-send').click();
    await until('the ' + framing + ' bytes to come back', () => received('bridge-log').length === before + 1);
    bridged.push($('bridge-protocol').textContent + ':' + received('bridge-log')[before]);
  }

  $('chat-name').value = 'chromium';
  $('chat-room').value = 'browsers';
  $('chat-join').click();
  await until('joining #browsers', () => $('chat-status').textContent === 'in #browsers');
  $('chat-input').value = 'hi from the browser';
  $('chat-send').click();
  await until('the chat line to come back', () => received('chat-log').length === 2);

  return 'extensions=' + $('echo-extensions').textContent + '\n'
      + 'echo=' + received('echo-log').join('|') + '\n'
      + 'chat=' + received('chat-log').join('|') + '\n'
      + 'bridge=' + bridged.join('|');
})()
