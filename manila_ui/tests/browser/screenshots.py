"""Screenshots for the user guide, taken by the browser tests when asked.

``make docs-screenshots`` runs the browser tests with ``MANILA_UI_DOC_SCREENSHOTS`` set
to ``doc/source/_static/screenshots``; each ``screenshot(driver, "name")`` call in a test
then writes ``<name>.png`` there, which the user guide shows with
``.. screenshot:: name``. Without the variable a call does nothing, so the tests run as
before. The PNGs are committed: they are palette images kept under ``MAX_BYTES`` each.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

ENV = "MANILA_UI_DOC_SCREENSHOTS"
MAX_BYTES = 150_000

# Bootstrap fades modals in and jQuery animates rows: wait until nothing moves.
_SETTLED = """
const moving = window.jQuery ? window.jQuery(':animated').length : 0;
const fading = [...document.querySelectorAll('.modal, .modal-backdrop')].some(
    el => el.getClientRects().length > 0 && !['1', '0.5'].includes(getComputedStyle(el).opacity));
return document.readyState === 'complete' && !moving && !fading;
"""


def folder() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def screenshot(driver: WebDriver, name: str, css: str | None = None) -> Path | None:
    """Save the window (or the element ``css``, e.g. a modal's ``.modal-dialog``) as
    ``<name>.png`` when ``MANILA_UI_DOC_SCREENSHOTS`` names a folder; else do nothing."""
    out = folder()
    if out is None:
        return None
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"screenshot name {name!r}: use a-z, 0-9 and -")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(_SETTLED),
                                     message=f"the page settled for screenshot {name}")
    png = (driver.find_element(By.CSS_SELECTOR, css).screenshot_as_png if css
           else driver.get_screenshot_as_png())
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}.png"
    temp = target.with_suffix(".png.tmp")
    temp.write_bytes(small_png(png))
    temp.replace(target)
    return target


def small_png(png: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """The screenshot as a 256-colour palette PNG (Horizon's flat colours lose nothing
    visible), scaled down step by step only if it is still over ``max_bytes``."""
    from PIL import Image  # Horizon's dependency

    image = Image.open(io.BytesIO(png)).convert("RGB")
    while True:
        buffer = io.BytesIO()
        image.quantize(colors=256).save(buffer, format="PNG", optimize=True)
        data = buffer.getvalue()
        if len(data) <= max_bytes or image.width < 400:
            return data
        image = image.resize((image.width * 4 // 5, image.height * 4 // 5),
                             Image.Resampling.LANCZOS)
