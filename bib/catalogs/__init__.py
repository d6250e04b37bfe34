"""The bibliographic catalogs: one module per catalog, the network edge in ``http``.

Each catalog module turns a ``Query`` (``records``) into ``Candidate`` records
through a ``JsonClient`` (``http.Fetcher`` in real runs, a fake in tests).
Nothing is imported here, so that reading the settings (``config``) costs
nothing more, and nothing here imports ``requests``.
"""
