"""French postcodes (five digits whose department exists) and communes' INSEE codes."""

from __future__ import annotations

import re

_FIVE_DIGITS = re.compile(r"^\d{5}$")
# The commune's "code officiel géographique": its department (2A/2B for Corsica since 1976, 971… overseas)
# and three digits. Not a postcode: Corsican postcodes start with 20, their INSEE codes with 2A or 2B.
_INSEE_CODE = re.compile(r"^(?:\d{2}|2[AB])\d{3}$")


def is_french_postcode(postcode: str) -> bool:
    """Whether ``postcode`` is a plausible French postcode (metropolitan, Corsica, overseas)."""
    if not _FIVE_DIGITS.match(postcode):
        return False
    department = int(postcode[:2])
    if department == 0:
        return False
    if department <= 95:
        return True
    # Overseas: 971 to 976, 984 to 988 (TAAF, Polynesia, Wallis-et-Futuna, New Caledonia); 980 Monaco.
    return postcode[:3] in {"971", "972", "973", "974", "975", "976", "980", "984", "986", "987", "988"}


def insee_code(value: str) -> str | None:
    """``value`` as an INSEE code ("2a 004" → "2A004"), or None when it is not one: five characters, a
    department (01 to 95 but 20, 2A or 2B for Corsica, 97 or 98 overseas) then three digits."""
    code = value.replace(" ", "").upper()
    if not _INSEE_CODE.match(code):
        return None
    department = code[:2]
    if department in ("2A", "2B", "97", "98"):
        return code
    return code if 1 <= int(department) <= 95 and department != "20" else None
