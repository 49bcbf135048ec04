"""Build hook for the one native module; everything else is declared in pyproject.toml.

The scanner is optional: where no C compiler is available the package installs without it and the
log engine uses its pure-Python scanner (same results, slower on very large logs).
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("cre_desk.logs._linescan", ["cre_desk/logs/_linescan.c"], optional=True,
                             extra_compile_args=[] if __import__("os").name == "nt" else ["-O2"])])
