"""The vocabulary of intersector as frozen dataclasses. Standard library only, no I/O."""
