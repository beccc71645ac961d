"""One place that makes matplotlib render Chinese text.

mplfonts ships Noto Sans CJK SC; registering that single file with matplotlib's font manager is
enough for both CJK and Latin glyphs, so no system font or network access is needed.  The plan
pictures in govcal.exports import these helpers too, so keep the API stable.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

_FONT_FILE_NAME = "NotoSansCJKsc-Regular.otf"


def _font_path() -> Path:
    import mplfonts  # imported lazily: only plotting needs it

    return Path(mplfonts.__file__).resolve().parent / "fonts" / _FONT_FILE_NAME


@lru_cache(maxsize=1)
def _registered_family() -> str:
    path = _font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def cjk_font_properties() -> font_manager.FontProperties:
    """FontProperties pointing at the bundled CJK font (for per-text use without touching rcParams)."""
    _registered_family()
    return font_manager.FontProperties(fname=str(_font_path()))


def use_cjk_font() -> str:
    """Register the CJK font and make it matplotlib's default sans-serif; return its family name.

    The CJK font goes first in font.sans-serif and DejaVu Sans stays as fallback; unicode_minus is
    turned off because the CJK font has no U+2212 glyph.
    """
    family = _registered_family()
    fallbacks = [name for name in matplotlib.rcParams["font.sans-serif"] if name != family]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, *fallbacks]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
