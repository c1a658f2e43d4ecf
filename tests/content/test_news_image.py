"""A news item's picture: staff send it with its alternative text (JPEG, PNG or WebP, the format read
from the content); anyone fetches it from its public address while the item is published, and gets
404 before and after."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from tests.support.content import (
    NEWS,
    UPDATE_NEWS,
    codes,
    create_news,
    jpeg_bytes,
    set_image,
    staff_client,
    webp_bytes,
)
from tests.support.documents import pdf_bytes, png_bytes

MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
REMOVE = "mutation($id: ID!) { removeNewsImage(id: $id) { news { imageUrl imageAlt } errors { field code } } }"


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


async def test_a_published_items_picture_is_public_and_cacheable_and_gone_once_withdrawn(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    item = await create_news(staff, title="Marché de Noël", publishAt=MONDAY + timedelta(days=1),
                             unpublishAt=MONDAY + timedelta(days=3))
    payload = await set_image(staff, item["id"], ("marche.png", png_bytes(), "image/png"), "Les chalets du marché")
    assert payload["errors"] == []
    news = payload["news"]
    assert news["imageAlt"] == "Les chalets du marché"
    assert f"/media/news/{item['id']}?v=" in news["imageUrl"]
    anyone = browser().http

    # Scheduled: not yet, for anyone (staff included: the address is public, the rule is the same).
    early = await anyone.get(path_of(news["imageUrl"]))
    assert early.status_code == 404
    assert early.headers["cache-control"] == "no-store"

    clock.travel_to(MONDAY + timedelta(days=1))
    shown = await anyone.get(path_of(news["imageUrl"]))
    assert shown.status_code == 200
    assert shown.content == png_bytes()
    assert shown.headers["content-type"] == "image/png"
    assert shown.headers["cache-control"] == "public, max-age=300"
    assert shown.headers["x-content-type-options"] == "nosniff"
    again = await anyone.get(path_of(news["imageUrl"]), headers={"If-None-Match": shown.headers["etag"]})
    assert again.status_code == 304

    clock.travel_to(MONDAY + timedelta(days=3))
    assert (await anyone.get(path_of(news["imageUrl"]))).status_code == 404
    assert (await anyone.get("/media/news/pas-un-identifiant")).status_code == 404


async def test_a_replaced_picture_gets_a_new_address_and_a_removed_one_none(db, browser, clock):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    item = await create_news(staff, title="Travaux", publishAt=MONDAY)
    first = (await set_image(staff, item["id"], ("a.jpg", jpeg_bytes(), "image/jpeg")))["news"]["imageUrl"]
    second = await set_image(staff, item["id"], ("b.webp", webp_bytes(), "image/webp"), "Le chantier")
    assert second["news"]["imageUrl"] != first
    anyone = browser()
    served = await anyone.http.get(path_of(second["news"]["imageUrl"]))
    assert (served.status_code, served.headers["content-type"]) == (200, "image/webp")
    [edge] = (await anyone.data(NEWS, {"first": 5}))["news"]["edges"]
    assert edge["node"]["imageUrl"] == second["news"]["imageUrl"]

    removed = (await staff.data(REMOVE, {"id": item["id"]}))["removeNewsImage"]
    assert removed == {"news": {"imageUrl": None, "imageAlt": None}, "errors": []}
    assert (await anyone.http.get(path_of(second["news"]["imageUrl"]))).status_code == 404


async def test_only_real_images_with_their_alternative_text_are_taken(db, browser, clock, settings):
    clock.travel_to(MONDAY)
    staff = await staff_client(db, browser)
    item = await create_news(staff, title="Affiche", publishAt=MONDAY)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    refused = {
        "a PDF": ("affiche.pdf", pdf_bytes("Affiche"), "application/pdf"),
        "an SVG": ("affiche.svg", svg, "image/svg+xml"),
        "a program renamed .jpg": ("photo.jpg", b"MZ\x90\x00" + b"\x00" * 60, "image/jpeg"),
        "HTML renamed .png": ("photo.png", b"<html><script>alert(1)</script></html>", "image/png"),
        "an empty file": ("vide.png", b"", "image/png"),
    }
    for what, file in refused.items():
        payload = await set_image(staff, item["id"], file)
        assert payload["news"] is None, what
        assert [f for f, _ in codes(payload)] == ["file"], (what, payload)
        assert codes(payload)[0][1] in {"FILE_FORMAT_REFUSED", "FILE_EMPTY"}, what

    too_big = png_bytes() + b"\x00" * (5 * 1024 * 1024)
    assert codes(await set_image(staff, item["id"], ("grande.png", too_big, "image/png"))) == [
        ("file", "FILE_TOO_LARGE")]
    # No alternative text: refused (accessibility), and nothing stored.
    assert codes(await set_image(staff, item["id"], ("a.png", png_bytes(), "image/png"), "  ")) == [
        ("alt", "REQUIRED")]
    assert not [p for p in settings.storage_path.rglob("*") if p.is_file()]

    # Once there is a picture, its alternative text cannot be emptied.
    await set_image(staff, item["id"], ("a.png", png_bytes(), "image/png"), "Une affiche")
    emptied = (await staff.data(UPDATE_NEWS, {"id": item["id"], "input": {"imageAlt": ""}}))["updateNews"]
    assert codes(emptied) == [("imageAlt", "REQUIRED")]
