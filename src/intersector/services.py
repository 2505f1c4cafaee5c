"""One function per use case: opens the store, calls the layers, returns domain objects. The only
module the doors (CLI, web) import besides `domain`."""

from __future__ import annotations
