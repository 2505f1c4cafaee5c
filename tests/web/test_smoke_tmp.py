from tests.web.conftest import sign_in


def test_pages(client):
    sign_in(client, "tom")
    for path in [
        "/",
        "/registry",
        "/registry?type=liaisons",
        "/items/activity/itu-t-rec-y.3101",
        "/items/activity/itu-t-rec-y.3101/edit",
        "/items/activity/itu-t-rec-y.3101/history",
        "/roadmaps",
        "/roadmaps/imt",
        "/liaisons/wp5d-ls-imt-2020",
        "/subjects",
        "/duplicates",
        "/documents",
        "/documents/wtsa-res-57",
        "/search?q=imt",
        "/account",
    ]:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:3000])
