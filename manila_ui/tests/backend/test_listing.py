"""A user pages, sorts and filters a list of shares, as Horizon does."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api


@pytest.fixture
def shelf(member: Api) -> dict[str, dict[str, Any]]:
    """Seven shares with telling names, created in this order."""
    names = ["alpha", "beta", "gamma", "delta", "100%_done", "100x_done", "Alphabet"]
    created = {}
    for size, name in enumerate(names, start=1):
        created[name] = member.create_share(size=size, name=name,
                                            description=f"about {name}")
    return created


def _names(resp: Any) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [share["name"] for share in resp.json()["shares"]]


def test_newest_first_by_default(member: Api, shelf: dict[str, Any]) -> None:
    assert _names(member.get("/v2/shares")) == list(reversed(shelf))


def test_pages_with_limit_and_offset(member: Api, shelf: dict[str, Any]) -> None:
    newest_first = list(reversed(shelf))

    first = member.get("/v2/shares/detail?limit=3")
    second = member.get("/v2/shares/detail?limit=3&offset=3")
    last = member.get("/v2/shares/detail?limit=3&offset=6")

    assert _names(first) == newest_first[:3]
    assert _names(second) == newest_first[3:6]
    assert _names(last) == newest_first[6:]
    (link,) = first.json()["shares_links"]
    assert link["rel"] == "next"
    assert "limit=3" in link["href"] and "marker=" in link["href"]
    assert "shares_links" not in last.json()


def test_sort_by_name_and_size(member: Api, shelf: dict[str, Any]) -> None:
    by_name = _names(member.get("/v2/shares?sort_key=name&sort_dir=asc"))
    by_size = _names(member.get("/v2/shares/detail?sort_key=size&sort_dir=desc"))

    assert by_name == sorted(shelf)
    assert by_size == list(reversed(shelf))


def test_count_comes_with_the_page(member: Api, shelf: dict[str, Any]) -> None:
    resp = member.get("/v2/shares/detail?limit=2&with_count=true", version="2.42")

    assert resp.json()["count"] == len(shelf)
    assert len(resp.json()["shares"]) == 2
    # Before 2.42 Manila ignores with_count on the summary list, yet honours
    # it on the detail list.
    assert "count" not in member.get("/v2/shares?with_count=true", version="2.41").json()
    older = member.get("/v2/shares/detail?with_count=true", version="2.41")
    assert older.json()["count"] == len(shelf)


def test_filter_by_exact_name_and_status(member: Api, shelf: dict[str, Any]) -> None:
    member.wait_status(shelf["gamma"]["id"], "available")

    assert _names(member.get("/v2/shares?name=gamma")) == ["gamma"]
    available = _names(member.get("/v2/shares?status=available&name=gamma"))
    assert available == ["gamma"]
    assert _names(member.get("/v2/shares?status=error")) == []


def test_like_filters_are_plain_substrings(member: Api, shelf: dict[str, Any]) -> None:
    def like(query: str) -> list[str]:
        return sorted(_names(member.get(f"/v2/shares?{query}", version="2.36")))

    assert like("name~=alpha") == ["Alphabet", "alpha"]      # case-insensitive
    assert like("name~=%25_") == ["100%_done"]               # % and _ are literal
    assert like("name~=.*") == []                            # never a regex
    assert like("description~=about%20del") == ["delta"]
    # Before 2.36 the "like" filters do not exist and are ignored.
    assert len(_names(member.get("/v2/shares?name~=alpha", version="2.35"))) == len(shelf)


@pytest.mark.parametrize(("query", "message"), [
    ("sort_key=colour", "Wrong sorting key provided - 'colour'."),
    ("sort_dir=sideways", "sort direction is 'sideways'"),
    ("limit=-1", "limit param must be positive"),
    ("limit=ten", "limit param must be an integer"),
    ("offset=-5", "offset param must be positive"),
    ("with_count=perhaps", "Invalid value perhaps for with_count"),
])
def test_bad_list_parameters_are_refused(member: Api, query: str, message: str) -> None:
    resp = member.get(f"/v2/shares/detail?{query}")

    assert resp.status_code == 400
    assert message in resp.json()["badRequest"]["message"]


def test_metadata_filter(member: Api) -> None:
    tagged = member.create_share(name="tagged", metadata={"env": "prod"})
    member.create_share(name="untagged")

    found = member.get("/v2/shares?metadata=%7B%27env%27%3A+%27prod%27%7D")

    assert [s["id"] for s in found.json()["shares"]] == [tagged["id"]]
