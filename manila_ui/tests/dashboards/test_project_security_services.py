"""Project > Share > Security Services: create each type through the form,
edit (the labels are right, the password is never shown), delete, detail,
and the password never reaches any rendered page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:security_services:index")
CREATE = reverse("horizon:project:security_services:create")
SECRET = "Pa55-never-shown-anywhere"


def update_url(service_id):
    return reverse("horizon:project:security_services:update", args=(service_id,))


def detail_url(service_id):
    return reverse("horizon:project:security_services:detail", args=(service_id,))


@pytest.mark.parametrize(("kind", "fields"), [
    ("ldap", {"server": "ldap.example.org", "domain": "example.org", "ou": "OU=x",
              "dns_ip": "10.0.0.53", "user": "binder"}),
    ("kerberos", {"server": "kdc.example.org", "domain": "EXAMPLE.ORG", "user": "k"}),
    ("active_directory", {"dns_ip": "10.0.0.53", "default_ad_site": "site-1",
                          "domain": "ad.example.org", "user": "Administrator"}),
])
def test_create_each_type_through_the_form(demo_client, manila, networks_of, kind,
                                           fields):
    name = unique(kind)
    form = demo_client.get(CREATE).content.decode()
    assert 'data-type-kerberos="Kerberos KDC"' in form
    assert 'data-type-active_directory="Domain Controller"' in form

    response = demo_client.post(CREATE, {"name": name, "type": kind,
                                         "password": SECRET, "confirm_password": SECRET,
                                         **fields})
    assert response.status_code == 302, response.content.decode()[-2000:]
    (service,) = manila("demo").security_services.list(search_opts={"name": name})
    networks_of("demo").services.append(service.id)
    shown = manila("demo").security_services.get(service.id)
    assert shown.type == kind
    for key, value in fields.items():
        assert getattr(shown, key) == value
    assert shown.password == SECRET     # Manila keeps it; the pages never show it

    for url in (INDEX, detail_url(service.id), update_url(service.id)):
        html = demo_client.get(url).content.decode()
        assert name in html
        assert SECRET not in html, url


def test_form_refuses_mismatched_passwords_and_ad_with_both(demo_client):
    mismatch = demo_client.post(CREATE, {"type": "ldap", "password": "a",
                                         "confirm_password": "b"})
    assert "The passwords do not match." in mismatch.content.decode()
    assert 'value="a"' not in mismatch.content.decode()
    both = demo_client.post(CREATE, {"type": "active_directory", "server": "dc1",
                                     "default_ad_site": "site"})
    assert "not both" in both.content.decode()
    bad_ip = demo_client.post(CREATE, {"type": "ldap", "dns_ip": "not-an-ip"})
    assert "Enter a valid IPv4 or IPv6 address." in bad_ip.content.decode()


def test_edit_keeps_the_password_unless_a_new_one_is_given(demo_client, manila,
                                                           networks_of):
    service = networks_of("demo").service("kerberos", password=SECRET,
                                          server="kdc.example.org")
    form = demo_client.get(update_url(service.id)).content.decode()

    assert ">Name<" in form and "Share Name" not in form
    assert ">Kerberos KDC<" in form and ">Realm<" in form
    assert "Organizational Unit" not in form            # not a Kerberos field
    assert SECRET not in form
    response = demo_client.post(update_url(service.id), {
        "service_id": service.id, "name": "renamed", "server": "kdc2.example.org",
        "password": "", "confirm_password": ""})
    assert response.status_code == 302, response.content.decode()[-2000:]
    shown = manila("demo").security_services.get(service.id)
    assert (shown.name, shown.server, shown.password) == ("renamed", "kdc2.example.org",
                                                          SECRET)
    demo_client.post(update_url(service.id), {
        "service_id": service.id, "name": "renamed", "server": "kdc2.example.org",
        "password": "n3w", "confirm_password": "n3w"})
    assert manila("demo").security_services.get(service.id).password == "n3w"


def test_delete_and_a_service_in_use(demo_client, manila, networks_of):
    nets = networks_of("demo")
    free = nets.service("ldap")
    used = nets.service("ldap", name=unique("used"))
    network = nets.create()
    manila("demo").share_networks.add_security_service(network.id, used.id)

    demo_client.post(INDEX, {"action": f"security_services__delete__{free.id}"})
    demo_client.post(INDEX, {"action": f"security_services__delete__{used.id}"})
    page = demo_client.get(INDEX).content.decode()

    assert free.id not in row_ids(page)
    assert used.id in row_ids(page)
    assert any("assigned to share network" in text for _l, text in messages(page))
    detail = demo_client.get(detail_url(used.id)).content.decode()
    assert network.id in detail


def test_filters_and_isolation(demo_client, alt_demo_client, networks_of):
    mine = networks_of("demo").service("ldap", name=unique("filter(me"))
    networks_of("demo").service("kerberos")

    demo_client.post(INDEX, {"security_services__filter__q_field": "type",
                             "security_services__filter__q": "Kerberos"})
    kerberos_only = demo_client.get(INDEX).content.decode()
    demo_client.post(INDEX, {"security_services__filter__q_field": "name",
                             "security_services__filter__q": mine.name})
    by_name = demo_client.get(INDEX).content.decode()
    demo_client.post(INDEX, {"security_services__filter__q_field": "name",
                             "security_services__filter__q": ""})

    assert mine.id not in row_ids(kerberos_only)
    assert row_ids(by_name) == [mine.id]
    assert mine.id not in row_ids(alt_demo_client.get(INDEX).content.decode())
    assert alt_demo_client.get(detail_url(mine.id)).status_code in (302, 200)
    assert mine.name not in alt_demo_client.get(detail_url(mine.id),
                                                follow=True).content.decode()


def test_a_reader_sees_no_mutating_buttons(reader_client, networks_of):
    service = networks_of("demo").service("ldap", password=SECRET)

    index = reader_client.get(INDEX).content.decode()
    detail = reader_client.get(detail_url(service.id)).content.decode()

    assert service.id in row_ids(index)
    for html in (index, detail):
        assert "security_services__action_create" not in html
        assert "__delete__" not in html and "__edit" not in html
        assert SECRET not in html


def test_the_index_costs_the_same_calls_for_any_number_of_services(
        alt_demo_client, networks_of, backend_calls):
    from manila_ui.api import microversions

    alt = networks_of("alt_demo")
    alt.service("ldap")
    microversions.clear_cache()
    with backend_calls() as few:
        assert alt_demo_client.get(INDEX).status_code == 200
    for _i in range(6):
        alt.service("kerberos")
    microversions.clear_cache()
    with backend_calls() as many:
        html = alt_demo_client.get(INDEX).content.decode()

    assert len(row_ids(html)) >= 7
    assert many.count == few.count <= 2, many.lines   # version document + one list
