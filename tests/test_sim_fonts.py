"""The CJK font helper renders Chinese labels without missing-glyph warnings."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from simulation.pictures.fonts import cjk_font_properties, use_cjk_font


def test_chinese_text_renders_without_missing_glyph_warning() -> None:
    family = use_cjk_font()
    assert family in matplotlib.rcParams["font.sans-serif"]
    assert cjk_font_properties().get_name() == family
    fig, ax = plt.subplots()
    ax.set_title("公文办理周期 (工作日) -1")
    ax.set_xlabel("负荷倍数")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)
    assert not [w for w in caught if "missing" in str(w.message).lower()]
