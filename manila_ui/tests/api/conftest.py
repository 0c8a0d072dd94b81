"""A real Horizon request (the user's token and catalog from a real login)."""

import pytest
from django.http import HttpRequest
from django.urls import reverse

from manila_ui.tests.dashboards import helpers


@pytest.fixture
def shares_of(manila):
    """``shares_of("demo").create(...)``: shares removed after the test."""
    yield from helpers.shares_per_user(manila)


@pytest.fixture
def make_request(demo_client, login):
    """``make_request("demo")`` -> a fresh HttpRequest carrying that user,
    as Horizon's middleware leaves it (nothing memoized on it yet)."""
    from django.test import Client

    users = {}

    def make(user="demo"):
        if user not in users:
            client = demo_client if user == "demo" else Client()
            if user != "demo":
                login(client, user)
            page = client.get(reverse("horizon:project:shares:index"))
            users[user] = page.wsgi_request.user
        request = HttpRequest()
        # A shallow copy: a test may change this request's catalog alone.
        original = users[user]
        request.user = object.__new__(type(original))
        request.user.__dict__.update(original.__dict__)
        request.session = {}
        request.method = "GET"
        return request

    return make
