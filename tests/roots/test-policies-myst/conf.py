extensions = ["sphinxcontrib_enhspec", "myst_parser"]
enhspec_policies = {
    "proposed": {"fields": ["author"], "sections": ["Overview", "Requirements"]},
    "approved": {"fields": ["author", "date", "release", "approvers"],
                 "sections": ["Overview", "Requirements", "Risks and Mitigation"]},
    "implemented": {"requirements_done": True, "tasks_done": True},
    "draft": {"stale_after_days": 90},
}
