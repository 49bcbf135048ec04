"""Python code generated from ui/*.ui by scripts/build_forms.py — generated, do not edit."""
