"""A small Chrome DevTools Protocol client over a pipe: headless Chromium driven from the standard library alone.

Chromium started with --remote-debugging-pipe reads commands from file descriptor 3 and writes answers and events to
file descriptor 4, each message JSON ended by a NUL byte. That is enough to open a page, run script in it, click,
type, switch the colour scheme or the media type, and take a screenshot or a PDF, with no WebSocket library and no
driver download (the machine has no network beyond Debian and PyPI).
"""

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time


def chromium_binary():
    """The Chromium from Debian's `chromium` package (or CHROMIUM), or None: the browser itself rather than Debian's
    launcher script, which adds its own flags."""
    for name in (os.environ.get("CHROMIUM"), "/usr/lib/chromium/chromium", "chromium", "chromium-browser",
                 "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class ProtocolError(Exception):
    pass


class Browser:
    """One headless Chromium with one page (a tab) attached."""

    def __init__(self, binary=None, width=1280, height=900, timeout=60):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="casediff-chromium-")
        to_chrome_read, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_write = os.pipe()

        def wire():
            # os.pipe() descriptors close on exec; dup2 onto another number clears that, onto itself does not.
            for source, target in ((to_chrome_read, 3), (from_chrome_write, 4)):
                if source == target:
                    os.set_inheritable(target, True)
                else:
                    os.dup2(source, target)

        arguments = [
            binary or chromium_binary(), "--headless", "--remote-debugging-pipe", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
            "--user-data-dir=" + self.profile, "--font-render-hinting=none",
            # Only our own local files are opened. Chromium refuses its sandbox as root (CI runs as root), and a
            # container may have no user namespaces for it, nor more than a small /dev/shm.
            "--no-sandbox", "--disable-dev-shm-usage",
        ]
        self.process = subprocess.Popen(arguments + ["about:blank"], close_fds=False, preexec_fn=wire,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_chrome_read)
        os.close(from_chrome_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        target = self.command("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.command("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)

    # The protocol

    def command(self, method, session=None, **params):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ProtocolError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def send(self, method, **params):
        """A command to the page."""
        return self.command(method, session=self.session, **params)

    def _receive(self):
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise ProtocolError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                continue
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise ProtocolError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, since=0):
        """The first event `method` of the page from index `since` of the events seen, waiting for it if need be."""
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events[since:]:
                if event.get("method") == method and event.get("sessionId") == self.session:
                    return event
            if time.monotonic() > deadline:
                raise ProtocolError(f"no {method} in time")
            self.events.append(self._receive())

    # The page

    def open(self, url):
        """Loads `url` and waits for its load event; returns the time the navigation took, in seconds."""
        # A URL that differs from the current one by its fragment only would navigate within the document, with no
        # load event: always load from a blank page.
        since = len(self.events)
        self.send("Page.navigate", url="about:blank")
        self.wait_for("Page.loadEventFired", since)
        since = len(self.events)
        started = time.monotonic()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", since)
        return time.monotonic() - started

    def evaluate(self, expression):
        """The value of a script expression in the page (a promise is awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def errors(self):
        """Uncaught exceptions the page has thrown so far."""
        return [e for e in self.events if e.get("method") == "Runtime.exceptionThrown"]

    def click(self, selector):
        """A real mouse click (pressed and released) at the middle of the first element `selector` finds."""
        box = self.evaluate(
            "(() => { const e = document.querySelector(%s); e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
            % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def key(self, key, code=None, text=None):
        """A key pressed and released, as typed on a keyboard."""
        text = key if text is None and len(key) == 1 else text
        down = {"type": "keyDown", "key": key, "code": code or key}
        if text:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", **down)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key)

    def type(self, text):
        for character in text:
            self.key(character)

    def color_scheme(self, scheme):
        self.send("Emulation.setEmulatedMedia", media="",
                  features=[{"name": "prefers-color-scheme", "value": scheme}])

    def media(self, media):
        self.send("Emulation.setEmulatedMedia", media=media, features=[])

    def screenshot(self, path, full_page=True):
        """Saves a PNG of the page (the whole page, or the viewport)."""
        result = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=full_page)
        with open(path, "wb") as file:
            file.write(base64.b64decode(result["data"]))
        return path

    def pdf(self):
        return base64.b64decode(self.send("Page.printToPDF", printBackground=True)["data"])

    def close(self):
        try:
            self.command("Browser.close")
        except (ProtocolError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for descriptor in (self._to_chrome, self._from_chrome):
            try:
                os.close(descriptor)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)
