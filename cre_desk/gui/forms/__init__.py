"""Python code generated from ui/*.ui by tools/build_forms.py — generated, do not edit."""
