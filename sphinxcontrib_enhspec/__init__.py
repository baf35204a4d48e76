"""Enhancement specifications in Sphinx: specs, requirements, risks and migration steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the settings, nodes, domain, directives and roles."""
    from . import assets, config, i18n, nodes
    from .directives import DIRECTIVES
    from .domain import EnhspecDomain, on_missing_reference
    from .export import write_export
    from .roles import ROLE_TYPES, BareRole
    from .transforms import FillPlaceholders, capture_texts, note_confdir, pages_to_rewrite

    config.register(app)
    nodes.register(app)
    i18n.register(app)
    app.add_domain(EnhspecDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    for role in ROLE_TYPES:
        app.add_role(role, BareRole(role))
    app.add_post_transform(FillPlaceholders)
    app.connect("config-inited", config.validate)
    app.connect("warn-missing-reference", on_missing_reference)
    app.connect("doctree-read", capture_texts)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("builder-inited", note_confdir)
    app.connect("builder-inited", assets.add_assets)
    app.connect("build-finished", write_export)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
