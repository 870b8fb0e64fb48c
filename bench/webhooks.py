"""Webhook calls per second: one kept-alive client per host (what workers do) against a new
client and connection per call (what they did before).

Run from the repository root: `python bench/webhooks.py [calls] [threads]`. The receiver is an
HTTP/1.1 keep-alive server on 127.0.0.1 answering 200 at once, so the figures are the sender's
own cost: connection setup, TLS-free here, plus signing and classifying each answer.
"""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from planroom.core import http
from planroom.webhooks import sender
from planroom.webhooks.signing import new_event_id, new_secret, signed_headers

BODY = '{"id":"312babc6-e742-4d54-ac49-e0f7b16ec15a","current_status":"Ready"}'


class KeepAlive(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # as production web servers do (nginx, Node): without it the body waited for the client's
    # delayed ACK of the headers, 40 ms a call on a kept-alive connection, and the figure was
    # the receiver's, not the sender's
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.send_response(200)
        self.send_header("content-length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


def run(url: str, calls: int, threads: int, clients: http.SharedClients | None) -> float:
    secret = new_secret()

    def one(_: int) -> str:
        headers = signed_headers([secret], new_event_id(), BODY)
        result = sender.post(url, BODY, headers, timeout=5, allow_private=True, clients=clients)
        return result.outcome

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        outcomes = list(pool.map(one, range(calls)))
    elapsed = time.perf_counter() - started
    assert outcomes.count("delivered") == calls, outcomes
    return calls / elapsed


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAlive)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        run(url, 50, threads, None)  # warm up
        fresh = run(url, calls, threads, None)
        shared_clients = http.SharedClients()
        shared = run(url, calls, threads, shared_clients)
        shared_clients.close()
    finally:
        server.shutdown()
    print(f"{calls} calls on {threads} thread(s) to a keep-alive receiver on 127.0.0.1")
    print(f"  new client per call : {fresh:8.0f} deliveries/s")
    ratio = shared / fresh
    print(f"  shared kept-alive   : {shared:8.0f} deliveries/s  ({ratio:.1f}x; goal 200/s)")


if __name__ == "__main__":
    main()
