"""intersector: coordination of the three ITU Sectors (WTSA Resolutions 38 and 57)."""

__version__ = "0.1.0"
