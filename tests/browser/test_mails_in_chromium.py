"""Every mail kind's HTML part as a mail client shows it: rendered in headless Chromium at a phone's
width (375 px) and a desktop's (800 px), screenshots kept in ``var/screenshots/mails/`` (git-ignored:
``<kind>-<width>.png``, ``<kind>-<variant>-<width>.png`` for a kind's other sample contexts).

At 375 px nothing may overflow sideways (a table wider than the phone would hide its last columns),
and the page asks for nothing (no remote image, font or stylesheet: many clients block them).
"""

from __future__ import annotations

from pathlib import Path

from portail.adapters.mail.templates import render
from tests.mail.samples import SAMPLES, contexts

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "mails"
PHONE, DESKTOP = 375, 800


def _name(kind: str, variant: int, width: int) -> str:
    return f"{kind}-{width}.png" if variant == 0 else f"{kind}-{variant}-{width}.png"


async def test_every_mail_renders_on_a_phone_and_a_desktop(chromium) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = await chromium.new_page()
    overflowing: list[str] = []
    shots = 0
    for kind in sorted(SAMPLES):
        for variant, context in enumerate(contexts(kind)):
            mail = render(kind, context)
            for width in (PHONE, DESKTOP):
                await page.set_viewport_size({"width": width, "height": 800})
                await page.set_content(mail.html, wait_until="load")
                scroll_width = await page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > width:
                    overflowing.append(f"{kind}[{variant}] at {width} px: {scroll_width} px wide")
                # The button is there, in view of its plain link.
                button = page.locator('td[bgcolor] a[href="' + context["link"] + '"]')
                assert await button.count() == 1, kind
                assert await button.is_visible(), kind
                path = SCREENSHOTS / _name(kind, variant, width)
                await page.screenshot(path=str(path), full_page=True)
                assert path.stat().st_size > 1000
                shots += 1
    assert not overflowing, overflowing
    assert shots == 2 * sum(len(c) for c in SAMPLES.values())
    assert chromium.beyond("about:") == [], chromium.beyond("about:")
    assert chromium.problems == []
