"""Replaces PyInstaller's own pygments hook, which bundles every lexer, formatter and style.

CRE Desk only uses pygments.lexer and pygments.token (its log lexers are in cre_desk.logs.highlight),
so nothing beyond what the module finder sees is needed; build.spec also excludes pygments.lexers,
pygments.formatters and pygments.styles.
"""

hiddenimports = []
