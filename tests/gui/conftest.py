"""pytest-qt harness: offscreen, dialogs replaced, a real workspace in a temp folder."""

from __future__ import annotations

import pytest

from cre_desk.config import Settings, default_paths


@pytest.fixture(autouse=True)
def dialogs(monkeypatch, request):
    """Record every message and answer confirmations with ``answers['confirm']``.

    A crash dialog fails the test (it means an exception reached the user), unless the test is marked
    ``crash_dialog_expected`` because showing one is what it checks.
    """
    from cre_desk.gui import crash, messages

    shown: list[tuple[str, str]] = []
    answers = {"confirm": False}
    monkeypatch.setattr(messages.Dialogs, "show",
                        staticmethod(lambda parent, level, title, text, detail="": shown.append((level, text))))
    monkeypatch.setattr(messages.Dialogs, "confirm", staticmethod(lambda parent, title, text: answers["confirm"]))
    monkeypatch.setattr(crash.CrashDialog, "show",
                        staticmethod(lambda summary, details, log_file: shown.append(("crash", details))))
    yield type("Dialogs", (), {"shown": shown, "answers": answers})
    crashes = [detail for level, detail in shown if level == "crash"]
    if crashes and request.node.get_closest_marker("crash_dialog_expected") is None:
        pytest.fail("the crash dialog was shown during the test:\n" + "\n".join(crashes), pytrace=False)


@pytest.fixture
def workspace(tmp_path):
    from cre_desk.db.workspace import open_workspace

    paths = default_paths(tmp_path / "home")
    ws = open_workspace(paths)
    yield ws
    ws.close()


@pytest.fixture
def ctx(qapp, workspace):
    from cre_desk.gui.context import AppContext

    settings = Settings(user_name="Aki Sato")
    context = AppContext(workspace, settings, workspace.paths)
    yield context
    from cre_desk.gui.tasks import wait_for_all

    wait_for_all()


@pytest.fixture
def window(qtbot, ctx, dialogs):
    from cre_desk.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.attach_workspace(ctx)
    win.show()
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _clear_clipboard_after_test(qapp):
    """Qt's offscreen platform crashes at exit if the clipboard still holds our data; real platforms don't."""
    yield
    qapp.clipboard().clear()
