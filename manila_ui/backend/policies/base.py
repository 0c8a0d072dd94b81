"""The personas Manila 23 builds its default rules from.

Check strings are composed from a few named rules, so a rule reads as a
sentence ("an admin, or a reader of the project").  All rules are
project-scoped, as in Manila.
"""

from __future__ import annotations

from oslo_policy import policy

ADMIN = "rule:context_is_admin"
PROJECT_MEMBER = "rule:project-member"
PROJECT_READER = "rule:project-reader"
ADMIN_OR_PROJECT_MEMBER = f"({ADMIN}) or ({PROJECT_MEMBER})"
ADMIN_OR_PROJECT_READER = f"({ADMIN}) or ({PROJECT_READER})"

SCOPE = ["project"]

rules = [
    policy.RuleDefault(
        name="context_is_admin", check_str="role:admin", scope_types=SCOPE,
        description="An administrator: sees and manages every project."),
    policy.RuleDefault(
        name="context_is_host_admin",
        check_str="role:admin and project_id:%(project_id)s", scope_types=SCOPE,
        description="An administrator who may see and choose back-end hosts."),
    policy.RuleDefault(
        name="project-admin", check_str="role:admin and project_id:%(project_id)s",
        scope_types=SCOPE, description="An administrator of the project."),
    policy.RuleDefault(
        name="project-member",
        check_str="role:member and project_id:%(project_id)s",
        scope_types=SCOPE, description="A member of the project."),
    policy.RuleDefault(
        name="project-reader",
        check_str="role:reader and project_id:%(project_id)s",
        scope_types=SCOPE, description="A reader of the project."),
    policy.RuleDefault(
        name="owner-user",
        check_str="user_id:%(user_id)s and project_id:%(project_id)s",
        scope_types=SCOPE,
        description="The user who owns a user-specific resource."),
    policy.RuleDefault(
        name="admin_or_service_api", check_str="role:admin or role:service",
        scope_types=SCOPE, description="An administrator or a service user."),
]


def documented(name: str, check_str: str, description: str,
               operations: list[tuple[str, str]]) -> policy.DocumentedRuleDefault:
    """A project-scoped documented rule; operations are (method, path)."""
    return policy.DocumentedRuleDefault(
        name=name, check_str=check_str, description=description,
        operations=[{"method": method, "path": path} for method, path in operations],
        scope_types=SCOPE)
