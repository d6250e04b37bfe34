"""The bibliographic catalogs: one module per catalog, the network edge in ``http``.

Each catalog module turns a ``Query`` into ``Candidate`` records through a
``JsonClient`` (``http.Fetcher`` in real runs, a fake in tests). Importing this
package does not import ``requests``.
"""

from bib.catalogs.config import CatalogConfig, catalog_config_from
from bib.catalogs.errors import CatalogConfigError, CatalogUnavailable
from bib.catalogs.records import Candidate, JsonClient, Query, query_for

__all__ = [
    "Candidate",
    "CatalogConfig",
    "CatalogConfigError",
    "CatalogUnavailable",
    "JsonClient",
    "Query",
    "catalog_config_from",
    "query_for",
]
