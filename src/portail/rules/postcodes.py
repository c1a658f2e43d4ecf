"""French postcodes: five digits whose department exists."""

from __future__ import annotations

import re

_FIVE_DIGITS = re.compile(r"^\d{5}$")


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
