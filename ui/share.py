"""Sharing on the venue's network (`python run.py --share`): the address others open and its QR code,
on the presenter's screen (sidebar or filter panel, for the laptop's own sessions only) and in the
console when the server starts. The QR code is drawn here by segno: no service is asked.

Who may do what is decided in ui/session.py (`from_laptop`, `editing_allowed`).
"""

from __future__ import annotations

import io
from functools import cache

import psutil
import segno
import streamlit as st
from streamlit import config
from streamlit.delta_generator import DeltaGenerator

from common.i18n import t
from core.room.share import share_addresses, share_url
from ui import session


def urls() -> list[str]:
    """The addresses other devices can open, the likeliest first (the laptop's own interfaces)."""
    port = int(config.get_option("server.port"))
    found = (address.address for addresses in psutil.net_if_addrs().values() for address in addresses)
    return [share_url(address, port) for address in share_addresses(found)]


@cache
def qr_png(url: str) -> bytes:
    """The QR code of `url` as a PNG, big enough to scan from a projector screen."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=10, border=2)
    return out.getvalue()


def panel(lang: str, side: DeltaGenerator | None = None) -> None:
    """The address and its QR code, while sharing, for the laptop itself (a participant has it already)."""
    if not (session.sharing() and session.from_laptop()):
        return
    with (side or st.sidebar).container(key="jcm_share"):
        st.subheader(t("share.title", lang), anchor=False)
        found = urls()
        if not found:
            st.warning(t("share.no_network", lang), icon=":material/wifi_off:")
            return
        st.caption(t("share.hint", lang))
        st.code(found[0], language=None)
        st.image(qr_png(found[0]), width=200)
        for other in found[1:]:
            st.code(other, language=None)


def announce() -> None:
    """In the console at the start: where others open the map, with its QR code (segno draws it with
    block characters), or why nobody can yet."""
    found = urls()
    port = int(config.get_option("server.port"))
    print(f"\n  {t('share.console', 'en')} / {t('share.console', 'ja')}", flush=True)
    print(f"  This laptop / このパソコン: http://localhost:{port}/", flush=True)
    if not found:
        print(f"  {t('share.no_network', 'en')}\n  {t('share.no_network', 'ja')}", flush=True)
        return
    for url in found:
        print(f"  Others / 他の端末: {url}", flush=True)
    segno.make(found[0], error="m").terminal(compact=True)
