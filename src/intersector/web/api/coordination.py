"""Coordination views: joined roadmaps, alignment findings, duplicate candidates and their
review, the subject × Sector matrix, the dashboard and search."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["coordination"])
