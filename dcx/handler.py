"""Moved: Request and Result live in dcx.request, one attempt in dcx.pipeline."""

from dcx.request import Request, Result, Step

__all__ = ["Request", "Result", "Step"]
