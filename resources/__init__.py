"""Data shipped with CRE Desk (checklists, rules, baselines, templates, glossary, icons, translations).

Installed as the ``cre_desk.resources`` package; read it only through ``cre_desk.resource_files``.
"""
