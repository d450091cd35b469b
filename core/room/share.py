"""Sharing the map on the venue's network: which addresses others can open, and who is the laptop.

Pure rules, fed by ui/share.py (the interfaces from psutil, the client's address from Streamlit).
Nothing here looks an address up on a network: the laptop's addresses are its own interfaces'.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

LAPTOP = frozenset({"127.0.0.1", "::1"})  # "the laptop itself": exactly these, not 127.0.0.2 or the LAN address


def is_laptop(client: str | None) -> bool:
    """True for a connection from the laptop itself. Streamlit gives no address (None) for exactly
    127.0.0.1 and ::1 (`st.context.ip_address`) and the peer's address otherwise."""
    return client is None or client in LAPTOP


def share_addresses(addresses: Iterable[str]) -> list[str]:
    """The IPv4 addresses other devices on the room's network can reach this laptop at: neither
    loopback nor link-local (169.254.x.x: no network yet), private ones (a venue's Wi-Fi) first,
    each once, in the interfaces' order otherwise."""
    found: list[ipaddress.IPv4Address] = []
    for text in addresses:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:  # a MAC address or a scoped IPv6 one: not for a participant to type
            continue
        if (address.version == 4 and not (address.is_loopback or address.is_link_local or address.is_unspecified
                                          or address.is_multicast) and address not in found):
            found.append(address)
    return [str(a) for a in sorted(found, key=lambda a: not a.is_private)]


def share_url(address: str, port: int) -> str:
    """What a participant types or scans."""
    return f"http://{address}:{port}/"
