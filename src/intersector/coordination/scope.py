"""Which works a work is compared with (its scope), as masks over an indexed set, and the
partitions of the set that a search visits one by one, so that no pool is ever cut before the
scope is applied.

Scopes:
- `other-sectors`: the works of the other Sectors (Resolution 57's question);
- `other-groups`: every work of another group (the same Sector included); a work without a
  group is compared with every other work;
- a Sector id (`itu-r`, `itu-t`, `itu-d`): only that Sector's works (the mapping tables).

Promise: `Scopes.mask(i, scope)` is True exactly for the works `i` is compared with (never `i`
itself, nor another work with the same id); `Scopes.partitions(i, scope)` lists the partitions
whose union covers that mask (each searched on its own, then masked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from intersector.domain.errors import ValidationError
from intersector.domain.registry import SECTORS

SCOPES = ("other-sectors", "other-groups")
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def check_scope(scope: str) -> str:
    """`scope` if known, else a ValidationError naming the choices."""
    if scope in SCOPES or scope in SECTORS:
        return scope
    choices = ", ".join((*SCOPES, *SECTORS))
    raise ValidationError(f"unknown scope {scope!r}: use one of {choices}", field="scope")


def _codes(values: Sequence[str]) -> tuple[IntArray, dict[str, int]]:
    table: dict[str, int] = {}
    codes = np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)
    return codes, table


@dataclass(frozen=True)
class Scopes:
    """Sector and group codes of the indexed works, for vectorised scope masks."""

    ids: IntArray  # work id codes (two works may share an id: a work's language versions)
    sectors: IntArray
    groups: IntArray  # -1: no group
    sector_codes: dict[str, int]

    @classmethod
    def of(cls, ids: Sequence[str], sectors: Sequence[str], groups: Sequence[str]) -> Scopes:
        id_codes, _ = _codes(ids)
        sector_codes, table = _codes(sectors)
        keyed = [f"{s}/{g}" if g else "" for s, g in zip(sectors, groups, strict=True)]
        group_codes, group_table = _codes(keyed)
        group_codes = np.where(group_codes == group_table.get("", -2), -1, group_codes)
        return cls(id_codes, sector_codes, group_codes, table)

    def mask(self, i: int, scope: str) -> BoolArray:
        """The works `i` is compared with under `scope`."""
        if scope == "other-sectors":
            chosen = self.sectors != self.sectors[i]
        elif scope == "other-groups":
            chosen = (self.sectors != self.sectors[i]) | (self.groups != self.groups[i])
            if self.groups[i] < 0:
                chosen = np.ones(len(self.ids), dtype=np.bool_)
        else:
            chosen = self.sectors == self.sector_codes.get(check_scope(scope), -1)
        result: BoolArray = chosen & (self.ids != self.ids[i])
        return result

    def partition_key(self, scope: str) -> IntArray:
        """The partition of each work: its Sector, or its group for `other-groups` (the works
        without a group each form one partition of their Sector)."""
        if scope != "other-groups":
            return self.sectors
        key: IntArray = np.where(self.groups >= 0, self.groups, -1 - self.sectors)
        return key

    def partitions(self, i: int, scope: str) -> list[int]:
        """The partitions (values of `partition_key(scope)`) holding works in `i`'s scope."""
        keys = self.partition_key(scope)
        return sorted({int(k) for k in np.unique(keys[self.mask(i, scope)])})
