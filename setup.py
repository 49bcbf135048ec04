"""Build hook for the native modules; everything else is declared in pyproject.toml.

The scanner is optional: where no C compiler is available the package installs without it and the
log engine uses its pure-Python scanner (same results, slower on very large logs).
"""

from setuptools import Extension, setup

_FLAGS = [] if __import__("os").name == "nt" else ["-O2"]

setup(ext_modules=[
    Extension("cre_desk.logs._linescan", ["cre_desk/logs/_linescan.c"], optional=True, extra_compile_args=_FLAGS),
    # Turns a SIGBUS from a log file that shrank while mapped into zero bytes (see the file).
    Extension("cre_desk.logs._mapguard", ["cre_desk/logs/_mapguard.c"], optional=True, extra_compile_args=_FLAGS),
])
