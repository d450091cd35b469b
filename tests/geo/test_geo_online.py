"""NominatimSource through the real geopy client against a fake server on 127.0.0.1."""

from __future__ import annotations

import functools
import time
from dataclasses import replace
from pathlib import Path

import pytest
from geo_places import BY_KEY
from geopy.adapters import RequestsAdapter, URLLibAdapter

from geo.cache import CacheSource, read_cache
from geo.chain import GeocodeChain
from geo.errors import (
    BadResponse,
    RateLimited,
    ServiceError,
    ServiceTimeout,
    ServiceUnavailable,
)
from geo.gazetteer import GazetteerSource
from geo.manual import ManualSource
from geo.online import NominatimSource

YOKKAICHI = BY_KEY["四日市市"]
NO_RETRY = functools.partial(RequestsAdapter, max_retries=0)


def make_source(domain: str, *, min_delay: float = 0.0, adapter=NO_RETRY) -> NominatimSource:
    return NominatimSource(domain=domain, scheme="http", timeout=0.3, adapter_factory=adapter,
                           min_delay_seconds=min_delay)


def test_hit(fake_nominatim) -> None:
    loc = make_source(fake_nominatim.domain).geocode(YOKKAICHI)
    assert (loc.lat, loc.lon, loc.source) == (34.9651, 136.6244, "nominatim")
    assert "四日市市, 三重県" in loc.detail and "relation 2" in loc.detail
    (req,) = fake_nominatim.requests
    assert req["path"] == "/search"
    assert req["q"]["q"] == ["四日市市, 三重県"] and req["q"]["countrycodes"] == ["jp"]


def test_chinese_places_are_asked_in_chinese() -> None:
    q = BY_KEY["瀋陽市"]
    assert NominatimSource.query_text(q) == "沈阳市, 辽宁省"
    assert NominatimSource.query_text(BY_KEY["北京市"]) == "北京市"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("empty", None),
        ("429", RateLimited),
        ("500", ServiceUnavailable),
        ("503", ServiceUnavailable),
        ("sleep", ServiceTimeout),
        ("badjson", BadResponse),
    ],
)
@pytest.mark.parametrize("adapter", [NO_RETRY, URLLibAdapter], ids=["requests", "urllib"])
def test_failure_modes_map_to_distinct_errors(fake_nominatim, tmp_path: Path, mode, expected,
                                              adapter) -> None:
    fake_nominatim.mode = mode
    source = make_source(fake_nominatim.domain, adapter=adapter)
    if expected is None:
        assert source.geocode(YOKKAICHI) is None
    else:
        with pytest.raises(expected) as info:
            source.geocode(YOKKAICHI)
        assert type(info.value) is expected  # distinct class, not just a ServiceError
        assert "四日市市" in str(info.value) and "offline" in str(info.value)
    # ... and through the chain: nothing crashes, nothing is answered (so nothing can be cached)
    chain = GeocodeChain([ManualSource(), CacheSource({}), source])
    res = chain.resolve(YOKKAICHI)
    assert res.location is None
    if expected is None:
        assert res.errors == () and res.reason == "no source knew it"
    else:
        assert [type(e) for _, e in res.errors] == [expected]


def test_retry_after_is_kept(fake_nominatim) -> None:
    fake_nominatim.mode = "429"
    with pytest.raises(RateLimited) as info:
        make_source(fake_nominatim.domain).geocode(YOKKAICHI)
    assert info.value.retry_after == 7
    assert "Wait 7 seconds" in str(info.value)


def test_connection_refused(closed_port: int) -> None:
    with pytest.raises(ServiceUnavailable) as info:
        make_source(f"127.0.0.1:{closed_port}").geocode(YOKKAICHI)
    assert isinstance(info.value, ServiceError) and "internet connection" in str(info.value)


def test_error_does_not_stop_later_sources(fake_nominatim) -> None:
    fake_nominatim.mode = "503"
    chain = GeocodeChain([make_source(fake_nominatim.domain), GazetteerSource()])
    res = chain.resolve(YOKKAICHI)
    assert res.location.source == "gazetteer"
    assert isinstance(res.errors[0][1], ServiceUnavailable)


def test_hit_is_saved_by_the_cli_then_served_from_the_cache(fake_nominatim, tmp_path: Path, capsys) -> None:
    from geocode.cli import main

    nowhere = replace(YOKKAICHI, key="架空市", name_ja="架空市", name_en="Nowhereville", name_zh="架空市")
    online = ["--data-dir", str(tmp_path), "--online"]
    kwargs = {"domain": fake_nominatim.domain, "scheme": "http", "timeout": 0.3, "adapter_factory": NO_RETRY}
    assert main(online, queries=[nowhere], **kwargs) == 0
    assert "nominatim: 1" in capsys.readouterr().out
    entries, problems = read_cache(tmp_path / "geocache.csv")
    assert problems == [] and entries["架空市"].source == "nominatim"
    assert main(online, queries=[nowhere], **kwargs) == 0
    assert "cache: 1" in capsys.readouterr().out
    assert len(fake_nominatim.requests) == 1


def test_user_agent_and_one_request_per_second(fake_nominatim) -> None:
    """The only test that pays the real 1 s RateLimiter delay."""
    source = NominatimSource(domain=fake_nominatim.domain, scheme="http", timeout=1,
                             adapter_factory=NO_RETRY)
    # When each request leaves the client, measured there: the server's arrival times shrink the
    # gap whenever the first request is delayed in transit (a loaded machine), a false failure.
    sent: list[float] = []
    send = source.geocoder.geocode

    def timed(*args, **kwargs):
        sent.append(time.monotonic())
        return send(*args, **kwargs)

    source._geocode.func = timed
    source.geocode(YOKKAICHI)
    source.geocode(BY_KEY["川崎市"])
    first, second = fake_nominatim.requests
    assert first["headers"]["User-Agent"].startswith("jp-cn-air-cooperation-map/1.0 (")
    assert len(sent) == 2 and sent[1] - sent[0] >= 0.99
