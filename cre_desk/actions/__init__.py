"""Qt-free use cases: one function per user action, called by both the window and the command line.

An action strings the lower layers together (copy and redact a file with ``logs``, record it with
``db``, reach a helpdesk with ``integrations``) so the GUI only presents and dispatches it, off the GUI
thread. Layers, checked by import-linter: gui → actions → db | integrations | logs → core.
"""
