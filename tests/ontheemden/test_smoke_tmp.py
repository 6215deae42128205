import pytest
from tests.factories import TEST_PASSWORD
from tests.ontheemden.factories import hand_computed_case
pytestmark = pytest.mark.django_db

def test_smoke(client, gemeente, gemeente_user, prt_user):
    hand_computed_case(gemeente, gemeente_user, prt_user)
    client.login(username=prt_user.username, password=TEST_PASSWORD)
    r = client.get(f"/gemeenten/{gemeente.code}/ontheemden/?peildatum=2026-03-31")
    assert r.status_code == 200, r.content[:3000]
    r = client.get(f"/provincies/{gemeente.provincie.code}/ontheemden/?peildatum=2026-03-31")
    assert r.status_code == 200
    r = client.get(f"/provincies/{gemeente.provincie.code}/ontheemden/gemeenten.csv?peildatum=2026-03-31")
    print(r.content.decode())
    r = client.get(f"/provincies/{gemeente.provincie.code}/ontheemden/gemeenten.xlsx?peildatum=2026-03-31")
    assert r.status_code == 200
    client.login(username=gemeente_user.username, password=TEST_PASSWORD)
    for u in ["locaties/nieuw/", "bezetting/", "particuliere-opvang/", "excel/sjabloon/", "excel/importeren/"]:
        assert client.get(f"/gemeenten/{gemeente.code}/ontheemden/{u}").status_code == 200, u
