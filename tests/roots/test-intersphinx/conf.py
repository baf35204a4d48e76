extensions = ["sphinx.ext.intersphinx", "sphinxcontrib_enhspec"]
# The test points "core" at the objects.inv of a build of the basic root.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
