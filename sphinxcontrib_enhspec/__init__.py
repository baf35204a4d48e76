"""Enhancement specifications in Sphinx: specs, requirements, risks and migration steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .__about__ import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the settings, nodes, domain, directives, roles, transforms and handlers."""
    from . import assets, config, nodes
    from .capture import CaptureTexts
    from .directives import DIRECTIVES
    from .domain import EnhspecDomain
    from .export import write_export
    from .freshness import pages_to_rewrite
    from .i18n import ParkTranslatable, RestoreTranslatable
    from .latex import BreakIdentifiers
    from .outline import RecordSections
    from .render import to_graphviz, to_html
    from .roles import ROLE_TYPES, BareRole
    from .tasks import FindTasks
    from .transforms import FillPlaceholders
    from .unresolved import on_missing_reference

    app.setup_extension("sphinx.ext.graphviz")
    for name, default in config.DEFAULTS.items():
        app.add_config_value(name, default, "env", types=config.types_of(name))
    app.add_node(nodes.status_box, latex=(nodes.visit_box_latex, None))
    app.add_node(nodes.break_point, latex=(nodes.visit_break_latex, None))
    for placeholder in nodes.PLACEHOLDERS:
        app.add_node(placeholder)
    app.add_node(to_html.html_table, html=(to_html.visit_html_table, None))
    # Other builders draw it through the visitors of its base class, sphinx.ext.graphviz's.
    app.add_node(to_graphviz.trace_graph, html=(to_graphviz.visit_html, None))
    app.add_domain(EnhspecDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    for role in ROLE_TYPES:
        app.add_role(role, BareRole(role))
    app.add_transform(RecordSections)
    app.add_transform(FindTasks)
    app.add_transform(CaptureTexts)
    app.add_transform(ParkTranslatable)
    app.add_post_transform(FillPlaceholders)
    app.add_post_transform(RestoreTranslatable)
    app.add_post_transform(BreakIdentifiers)
    app.add_css_file(assets.STYLESHEET)
    # 501: after Sphinx's own scripts (translations.js included), before the project's.
    app.add_js_file(assets.SCRIPT, priority=501, defer="defer")
    if hasattr(app, "add_static_dir"):  # Sphinx 9.1 and later
        app.add_static_dir(assets.STATIC)
    else:
        app.connect("builder-inited", assets.copy_static)
    app.connect("config-inited", config.validate)
    app.connect("warn-missing-reference", on_missing_reference)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("build-finished", write_export)
    return {
        "version": __version__,
        "env_version": 7,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
