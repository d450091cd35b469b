"""Another device on the room's network, played on this machine's loopback (the browser tests and the bench).

Chromium connecting to 127.0.0.2 still speaks from 127.0.0.1, which is the laptop itself. This relay
listens on 127.0.0.2 and opens each connection to the server FROM 127.0.0.2 (source address), so the
server sees a client that is not the laptop, exactly as it would see a phone. It reaches the
server at 127.0.0.2 too, the stand-in for the laptop's network address: a server that listens on
localhost only (sharing off) refuses it. No address outside this machine is used.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEVICE = "127.0.0.2"


def connect_as_device(port: int) -> socket.socket:
    """A TCP connection from DEVICE to the server's network address (DEVICE:port); raises when refused."""
    return socket.create_connection((DEVICE, port), timeout=5, source_address=(DEVICE, 0))


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


@contextmanager
def other_device(server_port: int) -> Iterator[str]:
    """Yield the base URL (http://127.0.0.2:<relay port>) a browser context opens to be another device."""
    listener = socket.create_server((DEVICE, 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = connect_as_device(server_port)
            except OSError:
                client.close()  # the server refused the device: so does the relay
                continue
            upstream.settimeout(None)
            held.extend((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(a, b), daemon=True).start()

    thread = threading.Thread(target=serve, name="other-device relay", daemon=True)
    thread.start()
    try:
        yield f"http://{DEVICE}:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()
        for s in held:
            s.close()
