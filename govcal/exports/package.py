"""Reproducible Office packages: the zip of an .xlsx or .docx rewritten with fixed dates and order.

openpyxl and python-docx date every zip member, and some document properties, with the wall
clock; rewriting the zip is what makes the same plan give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

CONTENT_TYPES = "[Content_Types].xml"


def repack(data: bytes, stamp: datetime, replaced: dict[str, bytes] | None = None) -> bytes:
    """The same zip with every member dated `stamp`, ``[Content_Types].xml`` first and the other
    members sorted by name, and the members in `replaced` swapped in."""
    replaced = replaced or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    members = sorted(source.infolist(),
                     key=lambda info: (info.filename != CONTENT_TYPES, info.filename))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in members:
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, replaced.get(info.filename) or source.read(info.filename))
    return output.getvalue()
