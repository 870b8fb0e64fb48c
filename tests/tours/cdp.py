"""A tiny Chrome DevTools Protocol client over the standard library, to drive a real headless
Chromium in the tour tests without downloading a browser or adding a package.

`Browser.launch()` starts Chromium with a throw-away profile and every background service off;
`browser.new_page()` opens a tab whose `Network.requestWillBeSent` events are recorded, so a test
can prove that the page asked no host but Planroom for anything.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_ENV = "PLANROOM_TEST_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DEVTOOLS_LINE = re.compile(r"DevTools listening on (ws://\S+)")
# every host but this machine unreachable: names do not resolve, and anything else (an IP
# literal) goes to a proxy on a closed local port; Chromium never proxies loopback
OFFLINE_FLAGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--proxy-server=http://127.0.0.1:9",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)


def find_chromium() -> str | None:
    """`PLANROOM_TEST_CHROMIUM` (CI sets it), else a Chromium on the PATH."""
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class CdpError(RuntimeError):
    pass


class WebSocket:
    """Just enough RFC 6455 for CDP: text frames out (masked), text frames in."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise CdpError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise CdpError(f"DevTools refused the websocket: {head!r}")

    def _read(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise CdpError("DevTools closed the connection")
            data += chunk
        return data

    def send(self, text: str) -> None:
        payload = text.encode()
        header = bytes([0x81])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def receive(self, timeout: float) -> str | None:
        """The next text message, or None when nothing arrived within `timeout`."""
        self.sock.settimeout(timeout)
        try:
            first = self._read(2)
        except TimeoutError:
            return None
        finally:
            self.sock.settimeout(30.0)
        message = b""
        while True:
            fin, opcode = first[0] & 0x80, first[0] & 0x0F
            length = first[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if first[1] & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
            if opcode == 0x8:
                raise CdpError("DevTools closed the websocket")
            if opcode in (0x1, 0x0, 0x2):
                message += payload
                if fin:
                    return message.decode()
            first = self._read(2)

    def close(self) -> None:
        self.sock.close()


@dataclass
class Page:
    browser: Browser
    session_id: str
    target_id: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.call(method, params, session_id=self.session_id)

    def goto(self, url: str, timeout: float = 30.0) -> None:
        self.requests.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'", timeout=timeout)

    def evaluate(self, expression: str, timeout: float = 30.0) -> Any:
        """The value of a JavaScript expression (promises are awaited)."""
        result = self.browser.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session_id=self.session_id,
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            raise CdpError(f"{expression!r} failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CdpError(f"timed out waiting for {expression!r}")
            self.browser.pump(0.05)

    def click(self, selector: str) -> None:
        """A real pointer tap in the middle of the element (as a visitor's finger would)."""
        box = self.evaluate(
            f"""(() => {{
                const el = document.querySelector({json.dumps(selector)});
                if (!el) return null;
                el.scrollIntoView({{block: 'center'}});
                const r = el.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];
            }})()"""
        )
        if box is None:
            raise CdpError(f"nothing matches {selector!r}")
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def set_viewport(self, width: int, height: int, *, mobile: bool, scale: float = 1.0) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=scale,
            mobile=mobile,
        )
        self.call("Emulation.setTouchEmulationEnabled", enabled=mobile)

    def screenshot(self, full_page: bool = True) -> bytes:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            size = self.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
            )
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], ws: WebSocket, profile: str) -> None:
        self.process = process
        self.ws = ws
        self.profile = profile
        self._next_id = 0
        self.pages: dict[str, Page] = {}

    @classmethod
    def launch(
        cls, executable: str, timeout: float = 30.0, extra_flags: tuple[str, ...] = ()
    ) -> Browser:
        profile = tempfile.mkdtemp(prefix="planroom-chromium-")
        process = subprocess.Popen(
            [executable, *FLAGS, *extra_flags, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        deadline = time.monotonic() + timeout
        url = None
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline().decode(errors="replace")
            if not line and process.poll() is not None:
                break
            found = DEVTOOLS_LINE.search(line)
            if found:
                url = found.group(1)
        if url is None:
            process.kill()
            shutil.rmtree(profile, ignore_errors=True)
            raise CdpError("Chromium did not print its DevTools address")
        # keep reading stderr so Chromium never blocks on a full pipe
        threading.Thread(target=_drain, args=(process,), daemon=True).start()
        return cls(process, WebSocket(url), profile)

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session_id: str | None = None,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        self._next_id += 1
        message_id = self._next_id
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = self._dispatch(self.ws.receive(max(0.01, deadline - time.monotonic())))
            if reply is not None and reply.get("id") == message_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
        raise CdpError(f"{method}: no answer within {timeout} s")

    def pump(self, seconds: float) -> None:
        """Handle the events that arrive within `seconds`."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._dispatch(self.ws.receive(left))

    def _dispatch(self, raw: str | None) -> dict[str, Any] | None:
        if raw is None:
            return None
        message: dict[str, Any] = json.loads(raw)
        page = self.pages.get(message.get("sessionId", ""))
        method = message.get("method")
        if page is not None and method == "Network.requestWillBeSent":
            page.requests.append(message["params"]["request"]["url"])
        elif page is not None and method == "Runtime.exceptionThrown":
            page.console_errors.append(json.dumps(message["params"]["exceptionDetails"])[:500])
        elif page is not None and method == "Log.entryAdded":
            entry = message["params"]["entry"]
            if entry.get("level") == "error":
                page.console_errors.append(f"{entry.get('source')}: {entry.get('text')}")
        elif (
            page is not None
            and method == "Runtime.consoleAPICalled"
            and message["params"].get("type") == "error"
        ):
            args = message["params"].get("args", [])
            page.console_errors.append(" ".join(str(a.get("value", "")) for a in args))
        return message

    def new_page(self) -> Page:
        target_id = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session_id = self.call("Target.attachToTarget", {"targetId": target_id, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session_id, target_id)
        self.pages[session_id] = page
        page.call("Network.enable")
        page.call("Runtime.enable")
        page.call("Page.enable")
        page.call("Log.enable")
        return page

    def close_page(self, page: Page) -> None:
        self.call("Target.closeTarget", {"targetId": page.target_id})
        self.pages.pop(page.session_id, None)

    def close(self) -> None:
        with contextlib.suppress(CdpError, OSError):
            self.call("Browser.close", timeout=5)
        self.ws.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def _drain(process: subprocess.Popen[bytes]) -> None:
    assert process.stderr is not None
    for _ in iter(process.stderr.readline, b""):
        pass
