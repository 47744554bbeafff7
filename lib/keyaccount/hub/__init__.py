"""The workshop server: one JupyterHub for a class, accounts from the trainer's roster."""
