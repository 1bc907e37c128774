"""The app's background work, as Textual workers: loading, watching files, syncing, saving.

Each module is a mixin of :class:`~testimony_tui.app.TestimonyApp` (its ``config``, ``library`` and
``main`` screen); the threads hand results back with ``call_from_thread``.
"""
