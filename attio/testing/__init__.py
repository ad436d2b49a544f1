"""Testing helpers for users of ``attio``: an in-memory Attio and a vcrpy setup (being written)."""
